package clinic.migraine.eligibility.decision;

import static clinic.migraine.eligibility.decision.Referrals.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.Contraindication;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralSubmitted;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The clinicians' review pages through the real filter chain, on a real broker, registry and Postgres. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class ReviewPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLINICIAN = Api.basic("clinician", Api.DEMO_PASSWORD);
    private static final String INTAKE = Api.basic("intake", Api.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;

    record AuditRow(String actor, String action, UUID subjectId, UUID referralId, String detail) {
    }

    @Test
    void aClinicianOpensAReviewFromTheQueueAndDecidesItThroughThePage() throws Exception {
        ReferralSubmitted referral = referral("label", 18, List.of(Contraindication.NEUROMUSCULAR_DISORDER));
        UUID reviewId = reviewOf(referral);

        String queue = page(get("/reviews"));
        assertThat(table(queue, "reviews")).contains("class=\"open-review\" href=\"/reviews/" + reviewId + "\"")
                .contains("Neuromuscular disorder")
                // staff see a person: the name, linked to the patient's page in intake
                .contains("Lopez, Ana").contains("http://localhost:8091/patients/" + referral.getPatientId());
        org.jsoup.nodes.Document found = org.jsoup.Jsoup.parse(page(get("/reviews/search").param("q", "lopez an")));
        assertThat(found.select("#found a.open-review").eachAttr("href")).contains("/reviews/" + reviewId);
        String review = page(get("/reviews/" + reviewId));
        assertThat(review).contains("id=\"decision-form\"", "NEUROMUSCULAR_CAUTION",
                "Neuromuscular disorder: higher risk of serious side effects", "topiramate", "Anticonvulsant",
                "G43.709", "Not required by this policy", "Lopez, Ana", "born 1984-03-09")
                .doesNotContain("id=\"authorization-form\"");

        MvcResult decided = mvc.perform(as(CLINICIAN, post("/reviews/" + reviewId + "/decision"))
                        .param("outcome", "ELIGIBLE").param("note", "Myasthenia ruled out by neurology; proceed."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/reviews"))
                .andExpect(flash().attribute("notice", containsString("eligible for cycle 1")))
                .andReturn();

        String after = mvc.perform(as(CLINICIAN, get("/reviews")).flashAttrs(decided.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("<p class=\"notice ok\" id=\"notice\"");
        assertThat(table(after, "reviews")).doesNotContain(reviewId.toString());
        assertThat(table(after, "decided")).contains("href=\"/reviews/" + reviewId + "\"");
        EligibilityDetermined decision = decisionsFor(referral.getReferralId(), 2).get(1);
        assertThat(decision.getOutcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.getDecidedBy()).isEqualTo(DecisionMaker.CLINICIAN);
        assertThat(decision.getClinician()).isEqualTo("clinician");
        assertThat(jdbc.sql("select actor || ' ' || detail from audit_entry where subject_id = :id and action = 'read'")
                .param("id", reviewId).query(String.class).list()).as("opening the review is recorded")
                .contains("clinician GET /reviews/{id}");
        assertThat(audit(reviewId)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("clinician");
            assertThat(entry.action()).isEqualTo("review decided: ELIGIBLE");
            assertThat(entry.referralId()).isEqualTo(referral.getReferralId());
            assertThat(entry.detail()).contains("NEUROMUSCULAR_CAUTION").doesNotContain("Myasthenia");
        });
        assertThat(page(get("/reviews/" + reviewId))).contains("id=\"outcome\"", "Myasthenia ruled out")
                .doesNotContain("id=\"decision-form\"");
    }

    @Test
    void aPriorAuthorizationRecordedOnThePageMakesTheReferralEligible() throws Exception {
        ReferralSubmitted referral = referral("commercial-precert", 18);
        UUID reviewId = reviewOf(referral);
        assertThat(page(get("/reviews/" + reviewId))).contains("id=\"authorization-form\"",
                "Required, not yet recorded");

        String expired = mvc.perform(as(CLINICIAN, post("/reviews/" + reviewId + "/authorization"))
                        .param("authorizationNumber", "PA-7781")
                        .param("validFrom", LocalDate.now().minusDays(90).toString())
                        .param("validUntil", LocalDate.now().minusDays(3).toString())
                        .param("treatmentsAuthorized", "2"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(expired).contains("value=\"PA-7781\"")
                .containsPattern("id=\"validUntil-error\">\\s*must not be in the past");
        mvc.perform(as(CLINICIAN, post("/reviews/" + reviewId + "/authorization"))
                        .param("authorizationNumber", "PA-7781")
                        .param("validFrom", LocalDate.now().toString())
                        .param("validUntil", LocalDate.now().plusMonths(6).toString())
                        .param("treatmentsAuthorized", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("enter how many treatments the payer approved")));
        mvc.perform(as(CLINICIAN, post("/reviews/" + reviewId + "/authorization"))
                        .param("authorizationNumber", "PA-7781")
                        .param("validFrom", LocalDate.now().toString())
                        .param("validUntil", LocalDate.now().plusMonths(6).toString())
                        .param("treatmentsAuthorized", "2"))
                .andExpect(redirectedUrl("/reviews/" + reviewId))
                .andExpect(flash().attribute("notice", containsString("the referral is eligible")));

        EligibilityDetermined decision = decisionsFor(referral.getReferralId(), 2).get(1);
        assertThat(decision.getOutcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.getClinician()).isEqualTo("clinician");
        assertThat(decision.getAuthorization().getTreatmentsAuthorized()).isEqualTo(2);
        assertThat(page(get("/authorizations").param("expiringWithinDays", "365")))
                .contains("data-authorization-id", referral.getReferralId().toString(), "2 of 2");
        assertThat(audit(reviewId)).extracting(AuditRow::actor, AuditRow::action)
                .containsExactly(tuple("clinician", "prior authorization recorded"),
                        tuple("clinician", "review decided: ELIGIBLE"));
        assertThat(audit(reviewId)).allSatisfy(entry -> {
            assertThat(entry.referralId()).isEqualTo(referral.getReferralId());
            assertThat(entry.detail()).doesNotContain("PA-7781");
        });
    }

    @Test
    void aDecisionWithoutANoteIsShownAgainWithTheFieldErrorAndNothingIsRecorded() throws Exception {
        UUID reviewId = reviewOf(referral("label", 18, List.of(Contraindication.PREGNANCY)));

        String answer = mvc.perform(as(CLINICIAN, post("/reviews/" + reviewId + "/decision"))
                        .param("outcome", "NOT_ELIGIBLE").param("note", "  "))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("id=\"decision-form\"", "class=\"form-summary\"")
                .containsPattern("<label for=\"note\">Note</label>\\s*<textarea[^>]*aria-invalid=\"true\"")
                .containsPattern("<p class=\"field-error\" id=\"note-error\">\\s*write why you decided this")
                .containsPattern("id=\"outcome-not-eligible\"[^>]*checked=\"checked\"");
        assertThat(jdbc.sql("select status from review where id = :id").param("id", reviewId).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(audit(reviewId)).isEmpty();
    }

    @Test
    void onlyCliniciansReachTheReviewsAndWhatIfEvaluations() throws Exception {
        mvc.perform(as(INTAKE, get("/reviews"))).andExpect(status().isForbidden());
        mvc.perform(as(INTAKE, get("/reviews/" + UUID.randomUUID()))).andExpect(status().isForbidden());
        mvc.perform(as(INTAKE, get("/api/reviews"))).andExpect(status().isForbidden());
        mvc.perform(as(INTAKE, post("/api/reviews/" + UUID.randomUUID() + "/decision"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"ELIGIBLE\",\"note\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(INTAKE, post("/api/eligibility/evaluations")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(as(INTAKE, get("/api/policies"))).andExpect(status().isOk());
        mvc.perform(as(INTAKE, get("/"))).andExpect(redirectedUrl("/reviews"));

        mvc.perform(as(CLINICIAN, get("/api/reviews"))).andExpect(status().isOk());
        mvc.perform(as(CLINICIAN, get("/reviews/" + UUID.randomUUID()))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")));
    }

    private UUID reviewOf(ReferralSubmitted referral) {
        topics.send(EventTopic.REFERRAL_SUBMITTED.topicName(), referral.getReferralId().toString(), referral);
        assertThat(decisionsFor(referral.getReferralId(), 1).get(0).getOutcome())
                .isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        return jdbc.sql("select id from review where referral_id = :id").param("id", referral.getReferralId())
                .query(UUID.class).single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(CLINICIAN, request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder as(String authorization, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", authorization);
    }

    /** The HTML of one table, so a row can be said to be in the queue and not just somewhere on the page. */
    private static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as("table " + id).isNotNegative();
        return html.substring(start, html.indexOf("</table>", start));
    }

    /** What was changed on the subject (reads left out). */
    private List<AuditRow> audit(UUID subject) {
        return jdbc.sql("""
                select actor, action, subject_id, referral_id, detail from audit_entry
                where subject_id = :id and action <> 'read' order by at, id""").param("id", subject)
                .query((rs, n) -> new AuditRow(rs.getString("actor"), rs.getString("action"),
                        rs.getObject("subject_id", UUID.class), rs.getObject("referral_id", UUID.class),
                        rs.getString("detail")))
                .list();
    }

    private List<EligibilityDetermined> decisionsFor(UUID referralId, int count) {
        return topics.await(EventTopic.ELIGIBILITY_DETERMINED.topicName(), EligibilityDetermined.class,
                e -> e.getReferralId().equals(referralId), count, WAIT);
    }
}
