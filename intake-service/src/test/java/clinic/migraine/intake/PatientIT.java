package clinic.migraine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import clinic.migraine.events.Authorization;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.FollowUpKind;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.PatientUpdated;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import com.jayway.jsonpath.JsonPath;

/** One patient across referrals: matching, possible duplicates, outside treatments and the patient file. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class PatientIT {

    private static final String CLINICIAN = Api.basic("clinician", Api.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;

    /** Ana with a birth date and member id of her own, so other tests' referrals are other people. */
    private static String person(LocalDate born, String lastName, String memberId, String email, String phone) {
        return Referrals.ana().replace("1984-03-09", born.toString()).replace("\"Lopez\"", "\"" + lastName + "\"")
                .replace("XJ-99812", memberId).replace("ana@example.org", email).replace("+13105550100", phone);
    }

    private static LocalDate someBirthDate() {
        return LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    @Test
    void aSecondReferralOfTheSamePersonKeepsThePatientIdAndCarriesOutsideTreatments() throws Exception {
        LocalDate born = someBirthDate();
        UUID first = submit(person(born, "López-García", "M-1", "ana.lg@example.org", "+13105550111"));
        String second = person(born, "lopez garcia", "M-2", "ANA.LG@example.org", "+13105550122")
                .replaceFirst("\\}\\s*$", ", \"outsideTreatments\": [{\"date\": \"2026-01-10\", \"units\": 155, "
                        + "\"clinic\": \"Valley Neurology\"}, {\"date\": \"2025-10-12\", \"units\": 195}]}");
        UUID again = submit(second);

        List<ReferralSubmitted> events = topics.await(EventTopic.REFERRAL_SUBMITTED.topicName(),
                ReferralSubmitted.class, e -> e.getReferralId().equals(first) || e.getReferralId().equals(again), 2,
                Duration.ofSeconds(30));
        assertThat(events).extracting(ReferralSubmitted::getPatientId).containsOnly(events.get(0).getPatientId());
        ReferralSubmitted secondEvent = events.stream().filter(e -> e.getReferralId().equals(again)).findFirst()
                .orElseThrow();
        assertThat(secondEvent.getOutsideTreatments()).extracting(t -> t.getDate())
                .containsExactly(LocalDate.of(2025, 10, 12), LocalDate.of(2026, 1, 10));
        assertThat(secondEvent.getOutsideTreatments().get(1).getClinic()).isEqualTo("Valley Neurology");

        UUID patient = events.get(0).getPatientId();
        mvc.perform(get("/api/referrals/" + again)).andExpect(jsonPath("$.patient.id").value(patient.toString()));
        mvc.perform(get("/api/patients/" + patient).header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patient.dateOfBirth").value(born.toString()))
                .andExpect(jsonPath("$.referrals[*].id", containsInAnyOrder(first.toString(), again.toString())))
                .andExpect(jsonPath("$.treatments[0].date").value("2025-10-12"))
                .andExpect(jsonPath("$.treatments[0].outside").value(true))
                .andExpect(jsonPath("$.treatments[1].units").value(155));
    }

    @Test
    void sameNameAndBirthWithNothingElseInCommonIsAnotherPatientFlaggedForStaff() throws Exception {
        LocalDate born = someBirthDate();
        UUID first = submit(person(born, "Okafor", "M-10", "one@example.org", "+13105550131"));
        UUID second = submit(person(born, "OKAFOR", "M-20", "two@example.org", "+13105550132"));
        UUID firstPatient = patientOf(first);
        UUID secondPatient = patientOf(second);

        assertThat(secondPatient).isNotEqualTo(firstPatient);
        mvc.perform(get("/api/patients").param("q", born.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", containsInAnyOrder(firstPatient.toString(), secondPatient.toString())))
                .andExpect(jsonPath("$[0].openDuplicateFlag").value(true))
                .andExpect(jsonPath("$[1].openDuplicateFlag").value(true));
        mvc.perform(get("/api/patients/" + secondPatient))
                .andExpect(jsonPath("$.patient.openDuplicatesOf[0]").value(firstPatient.toString()));
        mvc.perform(get("/api/audit").param("subject", secondPatient.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", hasItems("possible duplicate flagged")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Okafor"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(born.toString()))));
    }

    @Test
    void staffMergeAPossibleDuplicateIntoTheOlderPatientOrKeepThemApartOnce() throws Exception {
        LocalDate born = someBirthDate();
        UUID olderReferral = submit(person(born, "Brennan", "M-50", "b1@example.org", "+13105550161"));
        UUID newerReferral = submit(person(born, "Brennan", "M-51", "b2@example.org", "+13105550162"));
        UUID thirdReferral = submit(person(born, "Brennan", "M-52", "b3@example.org", "+13105550163"));
        UUID older = patientOf(olderReferral);
        UUID newer = patientOf(newerReferral);
        UUID third = patientOf(thirdReferral);
        String intake = Api.basic("intake", Api.DEMO_PASSWORD);

        mvc.perform(post("/api/patients/" + older + "/duplicates/" + newer + "/merge").header("Authorization", CLINICIAN))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients/" + older + "/duplicates/" + newer + "/merge").header("Authorization", intake))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patientId").value(older.toString()));
        mvc.perform(post("/api/patients/" + newer + "/duplicates/" + older + "/keep-apart").header("Authorization", intake))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/patients/" + newer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patient.id").value(older.toString()))
                .andExpect(jsonPath("$.referrals[*].id", hasItems(olderReferral.toString(), newerReferral.toString())));
        assertThat(patientOf(newerReferral)).isEqualTo(older);

        mvc.perform(post("/api/patients/" + third + "/duplicates/" + older + "/keep-apart").header("Authorization", intake))
                .andExpect(status().isOk());
        mvc.perform(get("/api/patients/" + third)).andExpect(jsonPath("$.patient.openDuplicatesOf").isEmpty());
        mvc.perform(post("/api/patients/" + third + "/duplicates/" + UUID.randomUUID() + "/merge"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/audit").param("subject", newer.toString()))
                .andExpect(jsonPath("$[*].action", hasItems("patients merged")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Brennan"))));
        mvc.perform(get("/api/audit").param("subject", third.toString()))
                .andExpect(jsonPath("$[*].action", hasItems("possible duplicate kept apart")));
    }

    @Test
    void thePatientPageChartsHeadacheDaysAndResolvesADuplicateThroughItsForms() throws Exception {
        LocalDate born = someBirthDate();
        UUID olderReferral = submit(person(born, "Castellano", "M-60", "c1@example.org", "+13105550171")
                .replaceFirst("\\}\\s*$", ", \"outsideTreatments\": [{\"date\": \"2025-12-01\", \"units\": 155}]}"));
        UUID newerReferral = submit(person(born, "Castellano", "M-61", "c2@example.org", "+13105550172"));
        UUID older = patientOf(olderReferral);
        UUID newer = patientOf(newerReferral);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FollowUpRecorded diary = FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(olderReferral).setCycle(1).setKind(FollowUpKind.DIARY).setHeadacheDaysLast30(7)
                .setUrgent(false).build();
        topics.send(EventTopic.FOLLOW_UP_RECORDED.topicName(), olderReferral.toString(), diary);
        String intake = Api.basic("intake", Api.DEMO_PASSWORD);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(
                        get("/patients/" + older).header("Authorization", intake))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("<svg", "role=\"img\"", "<title id=\"chart-title\">", "<desc id=\"chart-desc\">",
                        "class=\"treatment\"", "class=\"baseline\"", "id=\"chart-data\"", "Diary, cycle 1",
                        "Treatment elsewhere", "name=\"_csrf\"", "/duplicates/" + newer + "/merge"));
        mvc.perform(get("/patients/" + older).header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(post("/patients/search").param("q", born.toString()).header("Authorization", intake))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/patients/" + older, "/patients/" + newer, "Yes, to resolve");
        assertThat(mvc.perform(get("/referrals/" + newerReferral).header("Authorization", intake))
                .andReturn().getResponse().getContentAsString()).contains("/patients/" + newer);

        mvc.perform(post("/patients/" + older + "/duplicates/" + newer + "/merge").header("Authorization", intake))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/patients/" + older));
        mvc.perform(get("/patients/" + newer).header("Authorization", intake))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/patients/" + older));
        mvc.perform(get("/patients/" + UUID.randomUUID()).header("Authorization", intake))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSameNewPatientSubmittedTwiceAtOnceBecomesOnePatient() throws Exception {
        LocalDate born = someBirthDate();
        String body = person(born, "Nakamura", "M-30", "naka@example.org", "+13105550141");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<UUID>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> submit(body));
            }
            List<UUID> referrals = new ArrayList<>();
            for (Future<UUID> f : pool.invokeAll(calls)) {
                referrals.add(f.get());
            }
            assertThat(referrals).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.sql("select count(*) from patient where date_of_birth = :born").param("born", born)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct patient_id) from referral where date_of_birth = :born")
                .param("born", born).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void outsideTreatmentsAreCheckedFieldByField() throws Exception {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        String body = Referrals.ana().replaceFirst("\\}\\s*$", ", \"outsideTreatments\": [{\"date\": \"" + tomorrow
                + "\", \"units\": 401, \"clinic\": \"" + "x".repeat(201) + "\"}, {\"units\": 0}]}");

        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("outsideTreatments[0].date",
                        "outsideTreatments[0].units", "outsideTreatments[0].clinic", "outsideTreatments[1].date",
                        "outsideTreatments[1].units")));
        String edges = Referrals.ana().replaceFirst("\\}\\s*$", ", \"outsideTreatments\": [{\"date\": \""
                + LocalDate.now().minusDays(1) + "\", \"units\": 400, \"clinic\": \"" + "x".repeat(200)
                + "\"}, {\"date\": \"2020-01-01\", \"units\": 1}]}");
        submit(edges);
        assertThat(mvc.perform(get("/referrals/new")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("name=\"outsideTreatments[0].date\"",
                        "name=\"outsideTreatments[0].units\"", "name=\"outsideTreatments[0].clinic\"",
                        "data-error-for=\"outsideTreatments[0]\"");
    }

    @Test
    void patientsAreForIntakeStaffAndAnUnknownOneIsNotFound() throws Exception {
        UUID unknown = UUID.randomUUID();
        mvc.perform(get("/api/patients/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/patients").param("q", "lopez").header("Authorization", CLINICIAN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/patients/" + unknown).header("Authorization", CLINICIAN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/patients").param("q", "")).andExpect(status().isBadRequest());
    }

    @Test
    void treatmentsDiaryAndAuthorizationsFromEventsAreKeptOnceEach() throws Exception {
        LocalDate born = someBirthDate();
        UUID referral = submit(person(born, "Haddad", "M-40", "haddad@example.org", "+13105550151"));
        UUID patient = patientOf(referral);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EligibilityDetermined decided = EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now).setReferralId(referral).setCycle(1).setOutcome(EligibilityOutcome.ELIGIBLE)
                .setReasons(List.of()).setPolicyId("commercial-precert").setPolicyVersion("1")
                .setDecidedBy(DecisionMaker.RULES).setPatientId(patient).setContinuationHeadacheDays(9.0)
                .setAuthorization(Authorization.newBuilder().setNumber("PA-778").setValidFrom(LocalDate.now())
                        .setValidUntil(LocalDate.now().plusDays(180)).setTreatmentsAuthorized(2)
                        .setTreatmentsUsed(0).build())
                .build();
        TreatmentCompleted treated = TreatmentCompleted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now).setReferralId(referral).setAppointmentId(UUID.randomUUID()).setCycle(1)
                .setTreatmentDate(LocalDate.now()).setTreatedAt(now).setUnits(155).setInjectionSites(31)
                .setLotNumber("C1234").setProviderId("prov-1").build();
        FollowUpRecorded diary = FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(referral).setCycle(1).setKind(FollowUpKind.DIARY).setHeadacheDaysLast30(11)
                .setUrgent(false).build();

        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), referral.toString(), decided, decided);
        topics.send(EventTopic.TREATMENT_COMPLETED.topicName(), referral.toString(), treated, treated);
        topics.send(EventTopic.FOLLOW_UP_RECORDED.topicName(), referral.toString(), diary, diary);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/patients/" + patient))
                .andExpect(jsonPath("$.authorizations.length()").value(1))
                .andExpect(jsonPath("$.authorizations[0].number").value("PA-778"))
                .andExpect(jsonPath("$.authorizations[0].treatmentsAuthorized").value(2))
                .andExpect(jsonPath("$.treatments.length()").value(1))
                .andExpect(jsonPath("$.treatments[0].units").value(155))
                .andExpect(jsonPath("$.treatments[0].outside").value(false))
                .andExpect(jsonPath("$.diaryReports.length()").value(1))
                .andExpect(jsonPath("$.diaryReports[0].headacheDays").value(11))
                .andExpect(jsonPath("$.continuationHeadacheDays").value(9.0))
                .andExpect(jsonPath("$.decisions[0].outcome").value("ELIGIBLE")));
        // the patient's page leads to where their work is in the other services
        assertThat(mvc.perform(get("/patients/" + patient).header("Authorization", Api.basic("intake",
                        Api.DEMO_PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("http://localhost:8094/messages?referral=" + referral)
                .contains("http://localhost:8092/reviews/search?q=" + born);
    }

    private UUID patientOf(UUID referral) {
        return jdbc.sql("select patient_id from referral where id = :id").param("id", referral).query(UUID.class)
                .single();
    }

    @Test
    void correctingAPatientsNameReachesEveryReferralAndTheOtherServices() throws Exception {
        LocalDate born = someBirthDate();
        UUID first = submit(person(born, "Smyth", "M-7", "j.smyth@example.org", "+13105550171"));
        UUID second = submit(person(born, "Smyth", "M-7", "j.smyth@example.org", "+13105550171"));
        UUID patient = jdbc.sql("select patient_id from referral where id = :id").param("id", first)
                .query(UUID.class).single();
        String intake = Api.basic("intake", Api.DEMO_PASSWORD);

        mvc.perform(post("/api/patients/" + patient + "/name").header("Authorization", intake)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"\", \"lastName\": \"Smith\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstName"));
        mvc.perform(post("/api/patients/" + patient + "/name").header("Authorization", Api.basic("scheduler",
                        Api.DEMO_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\": \"Joan\", \"lastName\": \"Smith\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients/" + patient + "/name").header("Authorization", intake)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Joan\", \"lastName\": \" Smith \"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.patient.lastName").value("Smith"));

        mvc.perform(get("/api/referrals/" + second)).andExpect(jsonPath("$.patient.lastName").value("Smith"))
                .andExpect(jsonPath("$.patient.firstName").value("Joan"));
        List<PatientUpdated> updates = topics.await(EventTopic.PATIENT_UPDATED.topicName(), PatientUpdated.class,
                e -> e.getPatientId().equals(patient), 2, Duration.ofSeconds(30));
        assertThat(updates).extracting(PatientUpdated::getReferralId).containsExactlyInAnyOrder(first, second);
        assertThat(updates).extracting(PatientUpdated::getLastName).containsOnly("Smith");
        assertThat(jdbc.sql("select detail from audit_entry where action = 'patient name corrected' and subject_id = :id")
                .param("id", patient).query(String.class).single()).doesNotContain("Smith").doesNotContain("Joan");

        // and on the patient's page: a blank name changes nothing, a good one is taken
        mvc.perform(post("/patients/" + patient + "/name").header("Authorization", intake)
                        .param("firstName", " ").param("lastName", "Smythe"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("nameProblem", containsString("nothing was changed")));
        mvc.perform(post("/patients/" + patient + "/name").header("Authorization", intake)
                        .param("firstName", "Joanna").param("lastName", "Smith"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("nameNotice"));
        mvc.perform(get("/api/referrals/" + first)).andExpect(jsonPath("$.patient.firstName").value("Joanna"));
        assertThat(topics.await(EventTopic.PATIENT_UPDATED.topicName(), PatientUpdated.class,
                e -> e.getPatientId().equals(patient) && e.getFirstName().equals("Joanna"), 2, Duration.ofSeconds(30)))
                .hasSize(2);
    }

    private UUID submit(String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn();
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }
}
