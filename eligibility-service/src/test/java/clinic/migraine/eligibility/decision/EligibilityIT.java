package clinic.migraine.eligibility.decision;

import static clinic.migraine.eligibility.decision.Referrals.now;
import static clinic.migraine.eligibility.decision.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.FollowUpKind;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.OutsideTreatment;
import clinic.migraine.events.ReasonCode;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Eligibility on a real broker, registry and Postgres: decisions, the review queue and continuation. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class EligibilityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;

    @Test
    void decidesAReferralOnceEvenWhenItIsDeliveredTwice() {
        LocalDate elsewhere = LocalDate.now().minusDays(40);
        ReferralSubmitted referral = ReferralSubmitted.newBuilder(referral("label", 18))
                .setOutsideTreatments(List.of(
                        OutsideTreatment.newBuilder().setDate(elsewhere).setUnits(155).setClinic("Westside").build(),
                        OutsideTreatment.newBuilder().setDate(elsewhere.minusDays(90)).setUnits(155).build()))
                .build();

        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), referral.getReferralId().toString(), referral, referral);

        List<EligibilityDetermined> decisions = decisionsFor(referral.getReferralId(), 1);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).getOutcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decisions.get(0).getPolicyVersion()).isEqualTo("2026.1");
        // the patient across referrals and the injections elsewhere, oldest first, for scheduling's 84 days
        assertThat(decisions.get(0).getPatientId()).isEqualTo(referral.getPatientId());
        assertThat(decisions.get(0).getPriorTreatmentDates()).containsExactly(elsewhere.minusDays(90), elsewhere);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from decision where referral_id = :id").param("id", referral.getReferralId())
                .query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void aPriorAuthorizationClearsTheReviewAndTheClinicianDecisionIsPublished() throws Exception {
        ReferralSubmitted referral = referral("commercial-precert", 18);

        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), referral.getReferralId().toString(), referral);

        EligibilityDetermined first = decisionsFor(referral.getReferralId(), 1).get(0);
        assertThat(first.getOutcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(first.getReasons()).extracting(r -> r.getCode()).containsExactly(ReasonCode.PRIOR_AUTH_REQUIRED);
        String reviews = mvc.perform(get("/api/reviews").param("status", "OPEN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String reviewId = JsonPath.<List<String>>read(reviews,
                "$[?(@.referralId == '" + referral.getReferralId() + "')].id").get(0);
        mvc.perform(post("/api/reviews/" + reviewId + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ELIGIBLE\",\"note\":\"looks fine\",\"clinician\":\"Dr. Shah\"}"))
                .andExpect(status().isUnprocessableContent());

        // the dates and the treatments approved are part of an authorization: a body without them is refused
        mvc.perform(post("/api/reviews/" + reviewId + "/authorization").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authorizationNumber\":\"PA-7781\",\"validUntil\":\"" + LocalDate.now().plusMonths(6)
                                + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("validFrom",
                        "treatmentsAuthorized")));
        // the body still names a clinician, as older clients do; the signed-in account is what counts
        mvc.perform(post("/api/reviews/" + reviewId + "/authorization").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD))
                        .content(authorization("PA-7781", LocalDate.now(), LocalDate.now().plusMonths(6), 2)
                                .replace("}", ",\"clinician\":\"Dr. Shah\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("ELIGIBLE"));

        List<EligibilityDetermined> decisions = decisionsFor(referral.getReferralId(), 2);
        assertThat(decisions).extracting(EligibilityDetermined::getOutcome)
                .containsExactly(EligibilityOutcome.NEEDS_REVIEW, EligibilityOutcome.ELIGIBLE);
        assertThat(decisions.get(1).getDecidedBy()).isEqualTo(DecisionMaker.CLINICIAN);
        assertThat(decisions.get(1).getClinician()).isEqualTo("clinician");
        assertThat(decisions).extracting(EligibilityDetermined::getPatientId).containsOnly(referral.getPatientId());
        // scheduling books inside the authorization: the eligible decision carries it
        assertThat(decisions.get(1).getAuthorization()).satisfies(a -> {
            assertThat(a.getValidUntil()).isEqualTo(LocalDate.now().plusMonths(6));
            assertThat(a.getTreatmentsAuthorized()).isEqualTo(2);
            assertThat(a.getTreatmentsUsed()).isZero();
        });
    }

    @Test
    void everyCourseNeedsAnAuthorizationWithATreatmentLeftAndTheWorklistShowsTheOnesToRenew() throws Exception {
        ReferralSubmitted referral = referral("workers-comp", 18);
        UUID id = referral.getReferralId();
        String key = id.toString();
        LocalDate today = LocalDate.now();
        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), key, referral);
        assertThat(decisionsFor(id, 1).get(0).getReasons()).extracting(r -> r.getCode())
                .containsExactly(ReasonCode.PRIOR_AUTH_REQUIRED);
        mvc.perform(post("/api/reviews/" + openReview(id) + "/authorization").contentType(MediaType.APPLICATION_JSON)
                        .content(authorization("WC 1", today.minusDays(10), today.plusDays(200), 1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ELIGIBLE"));

        // the one treatment approved is given; the next cycle finds the authorization used up
        TreatmentCompleted treatment = TreatmentCompleted.newBuilder(treated(id, 1)).setTreatmentDate(today.minusDays(5))
                .build();
        topics.send(EventTopic.TREATMENT_COMPLETED.topicName(), key, treatment);
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/authorizations")
                        .param("expiringWithinDays", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.referralId == '" + id + "')].why[*]").value(
                        org.hamcrest.Matchers.contains("NO_TREATMENTS_LEFT")))
                .andExpect(jsonPath("$[?(@.referralId == '" + id + "')].treatmentsUsed").value(
                        org.hamcrest.Matchers.contains(1))));
        topics.send(EventTopic.FOLLOW_UP_RECORDED.topicName(), key, diary(id, 1, 8));
        topics.send(EventTopic.NEXT_CYCLE_DUE.topicName(), key, NextCycleDue.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now()).setReferralId(id).setNextCycle(2).setLastTreatmentDate(today.minusDays(5))
                .setEarliestDate(today.plusDays(79)).setLatestHeadacheDays(8).build());

        EligibilityDetermined second = decisionsFor(id, 3).get(2);
        assertThat(second.getCycle()).isEqualTo(2);
        assertThat(second.getOutcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(second.getReasons()).extracting(r -> r.getCode()).containsExactly(ReasonCode.PRIOR_AUTH_EXPIRED);

        // an authorization that ends before the cycle may be treated (day 84 after the last) is refused
        String review = openReview(id);
        mvc.perform(post("/api/reviews/" + review + "/authorization").contentType(MediaType.APPLICATION_JSON)
                        .content(authorization("WC 2", today, today.plusDays(78), 2)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("validUntil"));
        mvc.perform(post("/api/reviews/" + review + "/authorization").contentType(MediaType.APPLICATION_JSON)
                        .content(authorization("WC 2", today, today.plusDays(79), 2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ELIGIBLE"));
        assertThat(decisionsFor(id, 4).get(3).getAuthorization().getValidUntil()).isEqualTo(today.plusDays(79));
    }

    private String openReview(UUID referralId) throws Exception {
        return await().atMost(WAIT).until(() -> {
            String reviews = mvc.perform(get("/api/reviews").param("status", "OPEN")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> ids = JsonPath.read(reviews, "$[?(@.referralId == '" + referralId + "')].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, java.util.Objects::nonNull);
    }

    private static String authorization(String number, LocalDate from, LocalDate until, int treatments) {
        return "{\"authorizationNumber\":\"" + number + "\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until
                + "\",\"treatmentsAuthorized\":" + treatments + "}";
    }

    @Test
    void aClinicianConfirmsTheEndWhenHeadacheDaysDidNotDropEnoughAfterTwoCycles() throws Exception {
        ReferralSubmitted referral = referral("nice", 20);
        UUID id = referral.getReferralId();
        String key = id.toString();

        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), key, referral);
        assertThat(decisionsFor(id, 1).get(0).getOutcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        topics.send(EventTopic.TREATMENT_COMPLETED.topicName(), key, treated(id, 1), treated(id, 2));
        topics.send(EventTopic.FOLLOW_UP_RECORDED.topicName(), key, diary(id, 2, 16));
        topics.send(EventTopic.NEXT_CYCLE_DUE.topicName(), key, NextCycleDue.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now()).setReferralId(id).setNextCycle(3).setLastTreatmentDate(LocalDate.now())
                .setEarliestDate(LocalDate.now().plusDays(84)).setLatestHeadacheDays(null).build());

        List<EligibilityDetermined> decisions = decisionsFor(id, 2);
        assertThat(decisions).hasSize(2);
        EligibilityDetermined continuation = decisions.get(1);
        assertThat(continuation.getCycle()).isEqualTo(3);
        // ending a course is a clinician's act: the rules' reason waits for one
        assertThat(continuation.getOutcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(continuation.getReasons()).extracting(r -> r.getCode()).containsExactly(ReasonCode.INSUFFICIENT_RESPONSE);
        assertThat(continuation.getReasons().get(0).getMessage()).contains("from 20 to 16");
        String review = openReview(id);
        mvc.perform(get("/api/reviews/" + review)).andExpect(jsonPath("$.confirmsEndOfCourse").value(true));

        mvc.perform(post("/api/reviews/" + review + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NOT_ELIGIBLE\",\"note\":\"too little benefit, discussed\"}"))
                .andExpect(status().isOk());
        EligibilityDetermined confirmed = decisionsFor(id, 3).get(2);
        assertThat(confirmed.getOutcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(confirmed.getDecidedBy()).isEqualTo(DecisionMaker.CLINICIAN);
        assertThat(confirmed.getReasons()).extracting(r -> r.getCode()).containsExactly(ReasonCode.INSUFFICIENT_RESPONSE);
    }

    @Test
    void answersWhatIfQuestionsWithoutStoringAnything() throws Exception {
        long before = jdbc.sql("select count(*) from decision").query(Long.class).single();
        String body = """
                {"patient": {"firstName": "Ana", "dateOfBirth": "1984-03-09"},
                 "referrer": {"name": "Dr. Kim", "npi": "1234567893"},
                 "payer": {"policy": "workers-comp", "memberId": "W-1"},
                 "diagnosisCode": "G43.709",
                 "clinical": {"headacheDaysPerMonth": 14, "migraineDaysPerMonth": 8, "chronicMigraineMonths": 6,
                              "preventiveTrials": [], "medicationOveruse": "UNMANAGED", "onCgrpAntibody": false,
                              "contraindications": []},
                 "asOf": "2026-11-25"}
                """;

        mvc.perform(post("/api/eligibility/evaluations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.policy").value("workers-comp"))
                .andExpect(jsonPath("$.reasons[*].code").value(org.hamcrest.Matchers.contains(
                        "HEADACHE_DAYS_BELOW_MINIMUM", "INSUFFICIENT_PREVENTIVE_TRIALS", "MEDICATION_OVERUSE_UNMANAGED")));
        mvc.perform(post("/api/eligibility/evaluations").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"headacheDaysPerMonth\": 14", "\"headacheDaysPerMonth\": 40")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clinical.headacheDaysPerMonth"));
        mvc.perform(get("/api/policies")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "commercial-precert", "label", "nice", "workers-comp")));
        assertThat(jdbc.sql("select count(*) from decision").query(Long.class).single()).isEqualTo(before);
    }

    private List<EligibilityDetermined> decisionsFor(UUID referralId, int count) {
        return topics.await(EventTopic.ELIGIBILITY_DETERMINED.topicName(), EligibilityDetermined.class,
                e -> e.getReferralId().equals(referralId), count, WAIT);
    }

    private static TreatmentCompleted treated(UUID referralId, int cycle) {
        return TreatmentCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setReferralId(referralId).setAppointmentId(UUID.randomUUID()).setCycle(cycle)
                .setTreatmentDate(LocalDate.now().minusDays(90L * (3 - cycle))).setTreatedAt(now()).setUnits(155)
                .setInjectionSites(31).setLotNumber(null).setProviderId("prov-1").build();
    }

    private static FollowUpRecorded diary(UUID referralId, int cycle, int headacheDays) {
        return FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setReferralId(referralId)
                .setCycle(cycle).setKind(FollowUpKind.DIARY).setHeadacheDaysLast30(headacheDays)
                .setSideEffects(List.of()).setUrgent(false).build();
    }
}
