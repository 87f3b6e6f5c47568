package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.Authorization;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One patient across referrals: the 84 days between two treatments hold whichever referral or clinic gave them,
 * checked by the database, on booking, on moving and on completing; an authorization bounds the booking.
 */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class PatientIntervalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;

    @Test
    void theDatabaseKeepsOnePatientsTreatments84DaysApart() {
        UUID patient = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 3, 2);
        treatedElsewhere(patient, day);

        assertThatThrownBy(() -> treatedElsewhere(patient, day.plusDays(83)))
                .hasMessageContaining("treatments_84_days_apart");
        assertThatThrownBy(() -> treatedElsewhere(patient, day.minusDays(83)))
                .hasMessageContaining("treatments_84_days_apart");
        assertThatCode(() -> treatedElsewhere(UUID.randomUUID(), day.plusDays(1))).doesNotThrowAnyException();
        assertThatCode(() -> treatedElsewhere(patient, day.plusDays(84))).doesNotThrowAnyException();
        assertThatCode(() -> treatedElsewhere(patient, day.minusDays(84))).doesNotThrowAnyException();
    }

    @Test
    void aFirstCourseAfterAnInjectionElsewhereIsBookedNoSoonerThan84DaysAfterIt() {
        UUID referral = UUID.randomUUID();
        LocalDate injected = LocalDate.now(CLINIC).minusDays(30);

        decide(referral, UUID.randomUUID(), EligibilityOutcome.ELIGIBLE, List.of(injected), null);

        LocalDate booked = bookedDay(referral, 1);
        assertThat(booked).isAfterOrEqualTo(injected.plusDays(84)).isBefore(injected.plusDays(84 + 14));
    }

    @Test
    void aReReferredPatientIsBookedNoSoonerThan84DaysAfterTheTreatmentOfTheirFirstReferral() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        decide(first, patient, EligibilityOutcome.ELIGIBLE, List.of(), null);
        LocalDate treated = bookedDay(first, 1);
        UUID visit = appointmentOf(first);
        complete(visit).andExpect(status().isOk());

        UUID again = UUID.randomUUID();
        decide(again, patient, EligibilityOutcome.ELIGIBLE, List.of(), null);

        LocalDate booked = bookedDay(again, 1);
        assertThat(booked).isAfterOrEqualTo(treated.plusDays(84));
        UUID second = appointmentOf(again);
        String dayEighty = freeSlot(treated.plusDays(80));
        mvc.perform(post("/api/appointments/" + second + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\":\"" + dayEighty + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString(treated.plusDays(84).toString())));
    }

    @Test
    void aVisitOfAnotherReferralWithin84DaysOfOneStillBookedIsRefusedByTheDatabase() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        decide(first, patient, EligibilityOutcome.ELIGIBLE, List.of(), null);
        LocalDate held = bookedDay(first, 1);
        UUID other = UUID.randomUUID();
        decide(other, patient, EligibilityOutcome.NEEDS_REVIEW, List.of(), null);
        awaitPatientKnown(other);

        String tooSoon = freeSlot(held.plusDays(20));
        mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"referralId\":\"" + other + "\",\"cycle\":1,\"start\":\"" + tooSoon
                                + "\",\"providerId\":\"prov-1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString(held.plusDays(84).toString())));
        String fits = freeSlot(held.plusDays(84));
        mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"referralId\":\"" + other + "\",\"cycle\":1,\"start\":\"" + fits
                                + "\",\"providerId\":\"prov-1\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void completingAVisitTooSoonAfterAnInjectionReportedLaterIsRefused() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        decide(first, patient, EligibilityOutcome.ELIGIBLE, List.of(), null);
        LocalDate visitDay = bookedDay(first, 1);
        UUID visit = appointmentOf(first);
        LocalDate injected = visitDay.minusDays(20);
        UUID second = UUID.randomUUID();
        decide(second, patient, EligibilityOutcome.NEEDS_REVIEW, List.of(injected), null);
        awaitPatientKnown(second);

        complete(visit).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString(injected.plusDays(84).toString())));
        mvc.perform(get("/api/appointments/" + visit)).andExpect(jsonPath("$.status").value("booked"));
    }

    @Test
    void anEligibleCycleIsBookedOnlyInsideTheAuthorization() throws Exception {
        UUID covered = UUID.randomUUID();
        LocalDate until = LocalDate.now(CLINIC).plusDays(20);
        decide(covered, UUID.randomUUID(), EligibilityOutcome.ELIGIBLE, List.of(), until);
        assertThat(bookedDay(covered, 1)).isBeforeOrEqualTo(until);
        // moving it past the authorization's last day is refused; the last day itself is not
        mvc.perform(post("/api/appointments/" + appointmentOf(covered) + "/reschedule")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"" + freeSlot(until.plusDays(1)) + "\", \"providerId\": \"prov-1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("authorization ends on " + until)));

        UUID expiring = UUID.randomUUID();
        decide(expiring, UUID.randomUUID(), EligibilityOutcome.ELIGIBLE, List.of(), LocalDate.now(CLINIC));
        awaitPatientKnown(expiring);
        assertThat(jdbc.sql("select count(*) from appointment where referral_id = :id").param("id", expiring)
                .query(Long.class).single()).isZero();
        // not lost in a log line: the schedulers see it, and a booking by hand is held to the authorization too
        mvc.perform(get("/api/rebooking"))
                .andExpect(jsonPath("$[?(@.referralId == '" + expiring + "')].reason")
                        .value(Matchers.contains("NOT_BOOKED_AUTOMATICALLY")));
        mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referralId\": \"" + expiring + "\", \"cycle\": 1, \"start\": \""
                                + freeSlot(LocalDate.now(CLINIC).plusDays(7)) + "\", \"providerId\": \"prov-1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("authorization ends on " + LocalDate.now(CLINIC))));
    }

    private void treatedElsewhere(UUID patient, LocalDate day) {
        jdbc.sql("insert into treatment_day (patient_id, day) values (:p, :day)").param("p", patient)
                .param("day", day).update();
    }

    private void decide(UUID referral, UUID patient, EligibilityOutcome outcome, List<LocalDate> elsewhere,
            LocalDate authorizedUntil) {
        EligibilityDetermined.Builder event = EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReferralId(referral).setCycle(1)
                .setOutcome(outcome).setReasons(List.of()).setPolicyId("commercial-precert")
                .setPolicyVersion("2026.1").setDecidedBy(DecisionMaker.RULES).setPatientId(patient)
                .setPriorTreatmentDates(elsewhere);
        if (authorizedUntil != null) {
            event.setAuthorization(Authorization.newBuilder().setNumber("PA-1").setValidFrom(LocalDate.now(CLINIC))
                    .setValidUntil(authorizedUntil).setTreatmentsAuthorized(2).setTreatmentsUsed(0).build());
        }
        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), referral.toString(), event.build());
    }

    /** The decision has been applied (its patient remembered, in the same transaction as any booking). */
    private void awaitPatientKnown(UUID referral) {
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from referral_patient where referral_id = :id")
                .param("id", referral).query(Long.class).single() == 1);
    }

    private LocalDate bookedDay(UUID referral, int cycle) {
        AppointmentBooked booked = topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getReferralId().equals(referral) && e.getCycle() == cycle, 1, WAIT).get(0);
        return booked.getStart().atZone(CLINIC).toLocalDate();
    }

    private UUID appointmentOf(UUID referral) {
        return jdbc.sql("select id from appointment where referral_id = :id and status = 'booked'")
                .param("id", referral).query(UUID.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions complete(UUID visit) throws Exception {
        return mvc.perform(post("/api/appointments/" + visit + "/complete").contentType(MediaType.APPLICATION_JSON)
                .content(Doses.preempt("C3391")));
    }

    /** The first free slot of prov-1 on or after the day. */
    private String freeSlot(LocalDate from) throws Exception {
        String slots = mvc.perform(get("/api/slots").param("from", from.toString())
                        .param("to", from.plusDays(7).toString()).param("providerId", "prov-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(slots, "$[0].start");
    }
}
