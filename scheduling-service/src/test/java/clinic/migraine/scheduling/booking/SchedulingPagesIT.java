package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.Payer;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.scheduling.booking.domain.WeekBoard;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The week board and appointment pages, and who may use them, on a real broker, registry and Postgres. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class SchedulingPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    private static final String PROVIDER = "prov-2";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventTopics topics;
    @Autowired
    AuditTrail audit;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSchedulerSeesABookingInTheCellOfItsDayAndTimeOnTheBoardAndInItsLiveFragment() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), referral.toString(), referralOf(referral, patient));
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from patient_directory where referral_id = :id")
                .param("id", referral).query(Long.class).single() == 1);
        String start = freeSlot(110, 0);
        OffsetDateTime slot = OffsetDateTime.parse(start);
        UUID appointment = book(referral, start);
        LocalDate day = slot.atZoneSameInstant(CLINIC).toLocalDate();
        String week = day.toString();

        Document page = page(as("scheduler", get("/board").param("providerId", PROVIDER).param("week", week)));
        Element board = page.getElementById("board");
        assertThat(board.attr("data-live-url")).isEqualTo("/board/fragment?providerId=" + PROVIDER + "&week="
                + WeekBoard.mondayOf(day));
        assertThat(board.attr("data-live-events")).isEqualTo("/api/appointments/stream");
        assertThat(board.attr("data-live-event-names").split(","))
                .containsExactlyInAnyOrder("booked", "rescheduled", "cancelled", "arrived", "noshow", "fulfilled",
                        "confirmed");
        assertThat(page.getElementById("provider").select("option[selected]").attr("value")).isEqualTo(PROVIDER);
        assertThat(page.getElementById("next-week").attr("href")).contains("week=" + WeekBoard.mondayOf(day).plusWeeks(1));
        assertThat(page.getElementById("prev-week").attr("href")).contains("week=" + WeekBoard.mondayOf(day).minusWeeks(1));
        assertBookedCell(board, appointment, referral, slot);
        // a person, not an id: the name links to the patient's page in intake
        Element name = board.selectFirst("td.booked[data-appointment-id=" + appointment + "] .patient-name a");
        assertThat(name.text()).isEqualTo("Okafor, Chidi");
        assertThat(name.attr("href")).isEqualTo("http://localhost:8091/patients/" + patient);
        Document visit = page(as("scheduler", get("/appointments/" + appointment)));
        assertThat(visit.getElementById("patient").text()).contains("Okafor, Chidi", "born 1979-11-02",
                "+13105550199");
        // found by the member id on the insurance card too
        assertThat(page(as("scheduler", get("/board/search").param("q", "ok-" + referral.toString().substring(0, 8))))
                .select("#found a.visit").eachAttr("href")).contains("/appointments/" + appointment);

        String fragment = body(as("scheduler", get("/board/fragment").param("providerId", PROVIDER).param("week", week)));
        assertThat(fragment).doesNotContain("<html", "<main");
        assertBookedCell(Jsoup.parseBodyFragment(fragment).body(), appointment, referral, slot);

        assertThat(topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0).getActor()).isEqualTo("scheduler");
        assertThat(audit.changesAbout(appointment)).extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action)
                .containsExactly(tuple("scheduler", "appointment booked"));
    }

    @Test
    void theLiveFeedTheBoardListensToSendsABookingAsItHappens() throws Exception {
        MvcResult stream = mvc.perform(get("/api/appointments/stream").header(HttpHeaders.AUTHORIZATION,
                Api.basic("clinician", Api.DEMO_PASSWORD))).andExpect(request().asyncStarted()).andReturn();

        UUID appointment = book(UUID.randomUUID(), freeSlot(115, 0));

        await().atMost(WAIT).untilAsserted(() -> assertThat(stream.getResponse().getContentAsString())
                .contains("event:booked").contains(appointment.toString()));
    }

    @Test
    void reschedulingOnThePageMovesTheAppointmentAndSaysWhoMovedIt() throws Exception {
        UUID appointment = book(UUID.randomUUID(), freeSlot(120, 0));
        Document page = page(as("scheduler", get("/appointments/" + appointment)));
        Element form = page.getElementById("reschedule-form");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        List<String> offered = form.select("select#start option[value~=.+]").eachAttr("value");
        assertThat(offered).isNotEmpty();
        String target = offered.get(offered.size() - 1);

        mvc.perform(as("scheduler", post("/appointments/" + appointment + "/reschedule").param("start", target)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/appointments/" + appointment))
                .andExpect(flash().attribute("notice", startsWith("Moved to ")));

        String after = body(as("scheduler", get("/api/appointments/" + appointment)));
        assertThat(OffsetDateTime.parse(JsonPath.<String>read(after, "$.start")).toInstant())
                .isEqualTo(OffsetDateTime.parse(target).toInstant());
        AppointmentRescheduled moved = topics.await(EventTopic.APPOINTMENT_RESCHEDULED.topicName(),
                AppointmentRescheduled.class, e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0);
        assertThat(moved.getActor()).isEqualTo("scheduler");
        assertThat(moved.getStart()).isEqualTo(OffsetDateTime.parse(target).toInstant());
        AuditTrail.Entry entry = audit.changesAbout(appointment).get(1);
        assertThat(entry.actor()).isEqualTo("scheduler");
        assertThat(entry.action()).isEqualTo("appointment rescheduled");
        assertThat(entry.detail()).endsWith("to " + target + " with " + PROVIDER);
        Document shown = page(as("scheduler", get("/appointments/" + appointment)));
        assertThat(shown.getElementById("history").text()).contains("appointment rescheduled by scheduler");
    }

    @Test
    void aSlotTakenMeanwhileAnInvalidTransitionAndAFieldOutOfRangeComeBackAsNotices() throws Exception {
        String taken = freeSlot(130, 1);
        UUID appointment = book(UUID.randomUUID(), freeSlot(130, 0));
        book(UUID.randomUUID(), taken);

        Document conflict = page(mvc.perform(as("scheduler", post("/appointments/" + appointment + "/reschedule")
                .param("start", taken))).andExpect(status().isConflict()).andReturn());
        assertThat(conflict.getElementById("notice").classNames()).contains("notice", "error");
        assertThat(conflict.getElementById("notice").text()).contains("taken");

        mvc.perform(as("scheduler", post("/appointments/" + appointment + "/complete")
                .param("lot", "C3391"))).andExpect(status().isForbidden());
        Document outOfRange = page(mvc.perform(as("clinician", dose(post("/appointments/" + appointment + "/complete"), "999"))).andExpect(status().isBadRequest()).andReturn());
        assertThat(outOfRange.getElementById("notice").text()).contains("check the fields");
        assertThat(outOfRange.select("input[name=sites[0].units]").attr("value")).isEqualTo("999");
        assertThat(outOfRange.select("input[name=sites[0].units] + p.field-error").text())
                .isEqualTo("must be between 1 and 400");
        assertThat(outOfRange.getElementById("lot").attr("value")).isEqualTo("C3391");

        mvc.perform(as("scheduler", post("/appointments/" + appointment + "/cancel").param("by", "PATIENT")
                .param("reason", "moving away"))).andExpect(status().isFound());
        Document refused = page(mvc.perform(as("scheduler", post("/appointments/" + appointment + "/check-in")))
                .andExpect(status().isConflict()).andReturn());
        assertThat(refused.getElementById("notice").text()).contains("cancelled, not booked");
        assertThat(refused.getElementById("check-in-form")).isNull();
        assertThat(audit.changesAbout(appointment)).extracting(AuditTrail.Entry::action)
                .containsExactly("appointment booked", "appointment cancelled");
        assertThat(audit.changesAbout(appointment).get(1).detail()).doesNotContain("moving away");
    }

    @Test
    void aClinicianRecordsTheTreatmentButCannotMoveAppointments() throws Exception {
        UUID appointment = book(UUID.randomUUID(), freeSlot(140, 0));

        Document page = page(as("clinician", get("/appointments/" + appointment)));
        assertThat(page.getElementById("complete-form")).isNotNull();
        assertThat(page.getElementById("reschedule-form")).isNull();
        assertThat(page.getElementById("cancel-form")).isNull();
        mvc.perform(as("clinician", post("/appointments/" + appointment + "/reschedule")
                .param("start", freeSlot(141, 0)))).andExpect(status().isForbidden());

        assertThat(page.select("#dose-table tbody tr")).hasSize(9);
        assertThat(page.select("input.dose-units").eachAttr("value"))
                .containsExactly("5", "10", "20", "40", "30", "20", "30", "", "");
        assertThat(page.getElementById("lot").attr("value")).isEmpty();
        assertThat(page.getElementById("wastedUnits").attr("value")).isEmpty();
        mvc.perform(as("clinician", dose(post("/appointments/" + appointment + "/complete"), "5")
                .param("note", "Tolerated well, mild neck pain")))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", startsWith("Treatment recorded")));

        TreatmentCompleted treated = topics.await(EventTopic.TREATMENT_COMPLETED.topicName(), TreatmentCompleted.class,
                e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0);
        assertThat(treated.getActor()).isEqualTo("clinician");
        assertThat(treated.getLotNumber()).isEqualTo("C3391");
        AuditTrail.Entry entry = audit.changesAbout(appointment).get(1);
        assertThat(entry.actor()).isEqualTo("clinician");
        assertThat(entry.action()).isEqualTo("treatment completed");
        assertThat(entry.detail()).isEqualTo("155 U at 31 injection sites, lot C3391, J0585-JZ × 155");
        Document done = page(as("clinician", get("/appointments/" + appointment)));
        assertThat(done.getElementById("status").text()).isEqualTo("Treated");
        assertThat(done.getElementById("complete-form")).isNull();
        assertThat(done.getElementById("record-total").text()).isEqualTo("155 U at 31 injection sites, 0 U wasted");
        assertThat(done.getElementById("record-billing").text()).isEqualTo("J0585-JZ × 155");
        assertThat(done.select("#treatment-record tbody tr")).hasSize(7);
    }

    @Test
    void everyReadOfAnAppointmentIsAuditedAndOnlyClinicalStaffSeeTheTrail() throws Exception {
        UUID appointment = book(UUID.randomUUID(), freeSlot(146, 0));

        mvc.perform(as("scheduler", get("/api/appointments/" + appointment))).andExpect(status().isOk());
        mvc.perform(as("clinician", get("/appointments/" + appointment))).andExpect(status().isOk());
        mvc.perform(as("scheduler", get("/api/appointments/" + appointment + ".ics"))).andExpect(status().isOk());
        mvc.perform(as("scheduler", get("/api/appointments/" + UUID.randomUUID()))).andExpect(status().isNotFound());

        assertThat(audit.about(appointment)).filteredOn(e -> e.action().equals("read"))
                .extracting(AuditTrail.Entry::actor, AuditTrail.Entry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scheduler", "GET /api/appointments/{id}"),
                        org.assertj.core.groups.Tuple.tuple("clinician", "GET /appointments/{id}"),
                        org.assertj.core.groups.Tuple.tuple("scheduler", "GET /api/appointments/{id}.ics"));
        mvc.perform(as("scheduler", get("/api/audit").param("subject", appointment.toString())))
                .andExpect(status().isForbidden());
        mvc.perform(as("clinician", get("/api/audit").param("subject", appointment.toString())))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.action == 'read')]").isNotEmpty());
    }

    @Test
    void eachRoleReachesOnlyItsPagesAndApi() throws Exception {
        mvc.perform(as("intake", get("/board"))).andExpect(status().isForbidden());
        mvc.perform(as("intake", get("/api/appointments"))).andExpect(status().isForbidden());
        mvc.perform(as("intake", get("/api/appointments/stream"))).andExpect(status().isForbidden());
        mvc.perform(as("clinician", get("/api/slots").param("from", "2030-01-01").param("to", "2030-01-02")))
                .andExpect(status().isForbidden());
        mvc.perform(as("clinician", get("/board"))).andExpect(status().isOk());
        mvc.perform(as("scheduler", get("/"))).andExpect(redirectedUrl("/board"));
        mvc.perform(as("scheduler", get("/scheduling/scheduling.css"))).andExpect(status().isOk());
        mvc.perform(as("scheduler", get("/board").param("providerId", "nobody"))).andExpect(status().isNotFound());
    }

    @Test
    void anAutomaticBookingIsRecordedAsTheSystems() {
        UUID referral = UUID.randomUUID();
        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), referral.toString(), eligible(referral));

        AppointmentBooked booked = topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getReferralId().equals(referral), 1, WAIT).get(0);

        assertThat(booked.getActor()).isNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.about(referral))
                .extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action, AuditTrail.Entry::subjectId)
                .containsExactly(tuple("system", "appointment booked",
                        booked.getAppointmentId())));
    }

    private void assertBookedCell(Element board, UUID appointment, UUID referral, OffsetDateTime slot) {
        Element cell = board.selectFirst("td.booked[data-appointment-id=" + appointment + "]");
        assertThat(cell).as("the booked cell").isNotNull();
        assertThat(cell.attr("data-referral-id")).isEqualTo(referral.toString());
        assertThat(cell.selectFirst("a[href^=/appointments/]").attr("href")).isEqualTo("/appointments/" + appointment);
        assertThat(cell.text()).contains("Cycle 1", "Booked");
        Element dayHeader = board.select("thead th").get(cell.elementSiblingIndex());
        assertThat(dayHeader.attr("data-date")).isEqualTo(slot.atZoneSameInstant(CLINIC).toLocalDate().toString());
        assertThat(cell.parent().selectFirst("th").text())
                .isEqualTo(slot.atZoneSameInstant(CLINIC).toLocalTime().toString());
    }

    private static ReferralSubmitted referralOf(UUID referral, UUID patient) {
        return ReferralSubmitted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReferralId(referral)
                .setPatientId(patient).setDateOfBirth(LocalDate.of(1979, 11, 2))
                .setContact(ReferralContact.newBuilder().setEmail("c@example.org").setPhone("+13105550199")
                        .setTimeZone("America/Los_Angeles").setPreferredChannel(ContactChannel.SMS).build())
                .setPayer(Payer.newBuilder().setPolicy("label").setMemberId("OK-" + referral.toString().substring(0, 8))
                        .build()).setDiagnosisCode("G43.709")
                .setClinical(ClinicalHistory.newBuilder().setHeadacheDaysPerMonth(18).setMigraineDaysPerMonth(10)
                        .setChronicMigraineMonths(9).setPreventiveTrials(List.of())
                        .setMedicationOveruse(MedicationOveruse.NONE).setOnCgrpAntibody(false)
                        .setContraindications(List.of()).build())
                .setFirstName("Chidi").setLastName("Okafor").build();
    }

    private UUID book(UUID referral, String start) throws Exception {
        String body = "{\"referralId\":\"" + referral + "\",\"cycle\":1,\"start\":\"" + start + "\",\"providerId\":\""
                + PROVIDER + "\"}";
        String answer = mvc.perform(as("scheduler", post("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .content(body))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    /** The n-th free slot of the provider from a number of days ahead. */
    private String freeSlot(int daysAhead, int n) throws Exception {
        String slots = mvc.perform(as("scheduler", get("/api/slots")
                .param("from", LocalDate.now(CLINIC).plusDays(daysAhead).toString())
                .param("to", LocalDate.now(CLINIC).plusDays(daysAhead + 7).toString()).param("providerId", PROVIDER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(slots, "$[" + n + "].start");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(body(request));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** The completion form as the page pre-fills it, with the lot, its expiry, the time and the waste entered. */
    private static MockHttpServletRequestBuilder dose(MockHttpServletRequestBuilder request, String procerusUnits) {
        String[][] plan = {{"PROCERUS", "MIDLINE", "1", procerusUnits}, {"CORRUGATOR", "BILATERAL", "2", "10"},
            {"FRONTALIS", "BILATERAL", "4", "20"}, {"TEMPORALIS", "BILATERAL", "8", "40"},
            {"OCCIPITALIS", "BILATERAL", "6", "30"}, {"CERVICAL_PARASPINAL", "BILATERAL", "4", "20"},
            {"TRAPEZIUS", "BILATERAL", "6", "30"}};
        for (int i = 0; i < plan.length; i++) {
            request.param("sites[" + i + "].muscle", plan[i][0]).param("sites[" + i + "].side", plan[i][1])
                    .param("sites[" + i + "].injections", plan[i][2]).param("sites[" + i + "].units", plan[i][3]);
        }
        return request.param("sites[7].muscle", "").param("sites[7].units", "")
                .param("administeredAt", java.time.LocalDateTime.now(java.time.ZoneId.of("America/Los_Angeles"))
                        .minusMinutes(5).withSecond(0).withNano(0).toString())
                .param("lot", "C3391").param("lotExpiry", "2030-01-31").param("wastedUnits", "0");
    }

    private static MockHttpServletRequestBuilder as(String account, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, Api.basic(account, Api.DEMO_PASSWORD));
    }

    private static EligibilityDetermined eligible(UUID referral) {
        return EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReferralId(referral).setCycle(1)
                .setOutcome(EligibilityOutcome.ELIGIBLE).setReasons(List.of()).setPolicyId("label")
                .setPolicyVersion("2026.1").setDecidedBy(DecisionMaker.RULES).build();
    }
}
