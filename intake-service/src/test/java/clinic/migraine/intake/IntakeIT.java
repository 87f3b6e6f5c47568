package clinic.migraine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.Reason;
import clinic.migraine.events.ReasonCode;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.outbox.OutboxRelay;
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

/** Intake on a real broker, registry and Postgres, driven through its HTTP API and the topics. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class IntakeIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EventTopics topics;

    @Test
    void aSubmittedReferralIsPublishedAsAvroThroughTheRegistry() throws Exception {
        UUID id = submit(Referrals.ana(), null);

        List<ReferralSubmitted> events = topics.await(EventTopic.REFERRAL_SUBMITTED.topicName(), ReferralSubmitted.class,
                e -> e.getReferralId().equals(id), 1, Duration.ofSeconds(30));

        assertThat(events).hasSize(1);
        ReferralSubmitted event = events.get(0);
        assertThat(event.getDateOfBirth()).isEqualTo(LocalDate.of(1984, 3, 9));
        assertThat(event.getContact().getTimeZone()).isEqualTo("America/Los_Angeles");
        assertThat(event.getPayer().getPolicy()).isEqualTo("commercial-precert");
        assertThat(event.getDiagnosisCode()).isEqualTo("G43.709");
        assertThat(event.getClinical().getHeadacheDaysPerMonth()).isEqualTo(18);
        assertThat(event.getClinical().getPreventiveTrials()).hasSize(1);
        // the patient's name, for the other services' staff pages; the referrer is intake's alone
        assertThat(event.getFirstName()).isEqualTo("Ana");
        assertThat(event.getLastName()).isEqualTo("Lopez");
        assertThat(event.toString()).doesNotContain("Dr. Kim");
        mvc.perform(get("/api/referrals/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.patient.lastName").value("Lopez"))
                .andExpect(jsonPath("$.clinical.headacheDaysPerMonth").value(18));
    }

    @Test
    void theSameIdempotencyKeyGivesOneReferralAndOneEvent() throws Exception {
        String key = "key-" + UUID.randomUUID();

        UUID first = submit(Referrals.ana(), key);
        UUID second = submit(Referrals.ana(), key);

        assertThat(second).isEqualTo(first);
        mvc.perform(post("/api/referrals").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(Referrals.anaWith("headacheDaysPerMonth", "20")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("select count(*) from outbox where topic = 'referral-submitted' and message_key = :id")
                .param("id", first.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void downstreamEventsInAnyOrderEndInTheRightStatus() throws Exception {
        UUID id = submit(Referrals.ana(), null);
        UUID appointment = UUID.randomUUID();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        AppointmentBooked booked = AppointmentBooked.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setReferralId(id).setAppointmentId(appointment).setCycle(1).setProviderId("prov-1")
                .setLocation("Marina Del Rey").setStart(start).setEnd(start.plus(30, ChronoUnit.MINUTES))
                .setClinicTimeZone("America/Los_Angeles").build();
        EligibilityDetermined eligible = decision(id, 1, EligibilityOutcome.ELIGIBLE, List.of());

        topics.send(EventTopic.APPOINTMENT_BOOKED.topicName(), id.toString(), booked, booked);
        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), id.toString(), eligible);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/referrals/" + id))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.eligibility.outcome").value("ELIGIBLE"))
                .andExpect(jsonPath("$.appointment.id").value(appointment.toString()))
                .andExpect(jsonPath("$.appointment.location").value("Marina Del Rey"))
                .andExpect(jsonPath("$.timeline[*].event", hasItems("ReferralReceived", "AppointmentBooked",
                        "EligibilityDetermined"))));
        assertThat(jdbc.sql("select count(*) from referral_event where referral_id = :id and event = 'AppointmentBooked'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        topics.send(EventTopic.TREATMENT_COMPLETED.topicName(), id.toString(), TreatmentCompleted.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setReferralId(id).setAppointmentId(appointment)
                .setCycle(1).setTreatmentDate(LocalDate.now()).setTreatedAt(start).setUnits(155).setInjectionSites(31)
                .setLotNumber("C1234").setProviderId("prov-1").build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/referrals/" + id))
                .andExpect(jsonPath("$.status").value("IN_TREATMENT")));
    }

    @Test
    void notEligibleReasonsReachTheTimeline() throws Exception {
        UUID id = submit(Referrals.ana(), null);

        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), id.toString(), decision(id, 1,
                EligibilityOutcome.NOT_ELIGIBLE, List.of(Reason.newBuilder().setCode(ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM)
                        .setMessage("14 headache days a month; this policy needs at least 15").build())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/referrals/" + id))
                .andExpect(jsonPath("$.status").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.eligibility.reasons[0].code").value("HEADACHE_DAYS_BELOW_MINIMUM"))
                .andExpect(jsonPath("$.appointment").doesNotExist()));
    }

    @Test
    void withdrawingPublishesReferralWithdrawnOnce() throws Exception {
        UUID id = submit(Referrals.ana(), null);

        mvc.perform(post("/api/referrals/" + id + "/withdraw").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"patient moved away\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCONTINUED"));
        mvc.perform(post("/api/referrals/" + id + "/withdraw").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"again\"}"))
                .andExpect(status().isConflict());

        assertThat(topics.await(EventTopic.REFERRAL_WITHDRAWN.topicName(), ReferralWithdrawn.class,
                e -> e.getReferralId().equals(id), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void eventsWaitingInTheOutboxArePublishedWhenTheRelayComesBack() throws Exception {
        relay.stop();
        UUID id;
        try {
            id = submit(Referrals.ana(), null);
            assertThat(jdbc.sql("select count(*) from outbox where message_key = :id and published_at is null")
                    .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
        } finally {
            relay.start();
        }

        assertThat(topics.await(EventTopic.REFERRAL_SUBMITTED.topicName(), ReferralSubmitted.class,
                e -> e.getReferralId().equals(id), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void invalidReferralsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = referrals();
        String invalid = Referrals.ana()
                .replace("\"Ana\"", "\"\"")
                .replace("1984-03-09", "1899-12-31")
                .replace("ana@example.org", "not-an-email")
                .replace("+13105550100", "+1 555 0100")
                .replace("America/Los_Angeles", "Mars/Olympus")
                .replace("1234567893", "1234567890")
                .replace("G43.709", "migraine")
                .replace("commercial-precert", "Commercial Precert")
                .replace("\"migraineDaysPerMonth\": 10", "\"migraineDaysPerMonth\": 25");

        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("patient.firstName", "patient.dateOfBirth",
                        "patient.email", "patient.phone", "patient.timeZone", "referrer.npi", "diagnosisCode",
                        "payer.policy", "clinical.migraineDaysPerMonth")));
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .content(Referrals.anaWith("medicationOveruse", "\"SOMETIMES\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clinical.medicationOveruse"));
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .content(Referrals.ana().replace("\"preferredChannel\": \"EMAIL\"", "\"preferredChannel\": \"SMS\"")
                                .replace("\"phone\": \"+13105550100\",", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("patient.phone"));
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content("{\"patient\": "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_XML).content("<referral/>"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .content(Referrals.ana().replace("\"Dr. Kim\"", "\"" + "x".repeat(70_000) + "\"")))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(get("/api/referrals/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/api/referrals/not-a-uuid")).andExpect(status().isBadRequest());

        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void searchesByNameAndMemberId() throws Exception {
        String member = "M-" + UUID.randomUUID().toString().substring(0, 8);
        submit(Referrals.ana().replace("XJ-99812", member), null);

        mvc.perform(get("/api/referrals").param("q", member.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].memberId").value(member));
        mvc.perform(get("/api/referrals").param("q", "lope").param("size", "1"))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/referrals").param("size", "1000")).andExpect(status().isBadRequest());
    }

    private UUID submit(String body, String key) throws Exception {
        var request = post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        MvcResult result = mvc.perform(request)
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").exists())
                .andReturn();
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }

    private long referrals() {
        return jdbc.sql("select count(*) from referral").query(Long.class).single();
    }

    private static EligibilityDetermined decision(UUID id, int cycle, EligibilityOutcome outcome, List<Reason> reasons) {
        return EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setReferralId(id)
                .setCycle(cycle).setOutcome(outcome).setReasons(reasons).setPolicyId("commercial-precert")
                .setPolicyVersion("1").setDecidedBy(DecisionMaker.RULES).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
