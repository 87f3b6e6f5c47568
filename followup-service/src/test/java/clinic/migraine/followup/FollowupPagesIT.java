package clinic.migraine.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.LinkTokens;
import clinic.migraine.followup.checkin.application.LinkTokens.Purpose;
import clinic.migraine.followup.checkin.application.PatientLinks;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.SideEffect;
import clinic.migraine.followup.checkin.persistence.AnswerStore;
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Message;
import clinic.migraine.followup.plan.domain.MessageKind;
import clinic.migraine.followup.plan.domain.MessageStatus;
import clinic.migraine.followup.plan.persistence.ContactStore;
import clinic.migraine.followup.plan.persistence.MessageStore;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The patients' pages behind signed links and the staff pages, through the real filter chain. The mail server
 * is unreachable here, so the urgent alert's email is recorded FAILED at once, with its reason, for staff to see.
 * The context is closed after the class: its timers share the database with the other service tests' and would
 * otherwise send their messages through this context's unreachable mail server.
 */
@ServiceIntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=1",
        "clinic.followup.delivery-attempts=1", "clinic.followup.clinic-phone=+1 310 555 0142"})
class FollowupPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactStore contacts;
    @Autowired
    MessageStore messages;
    @Autowired
    AnswerStore answers;
    @Autowired
    PatientLinks links;
    @Autowired
    LinkTokens tokens;
    @Autowired
    AuditTrail audit;
    @Autowired
    PatientDirectory directory;

    @Test
    void aPatientAnswersTheCheckInOnThePageOnceAndIsThanked() throws Exception {
        UUID referral = patient();
        UUID checkIn = message(referral, "CHECK_IN");
        String page = path(links.url(Purpose.CHECK_IN, checkIn));

        mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"checkin-form\""), containsString("id=\"submit-checkin\""),
                containsString("Trouble swallowing, speaking or breathing"), containsString("Neck pain or stiffness"))));
        mvc.perform(form(page).param("feeling", "BETTER").param("sideEffects", "NECK_PAIN_OR_STIFFNESS")
                        .param("headacheDaysSinceVisit", "3").param("note", "Bit stiff in the mornings"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"thanks\""), containsString("id=\"neck-advice\""),
                        not(containsString("id=\"urgent-advice\"")))));

        assertThat(answers.ofReferral(referral)).singleElement().satisfies(answer -> {
            assertThat(answer.feeling()).isEqualTo(Feeling.BETTER);
            assertThat(answer.sideEffects()).containsExactly(SideEffect.NECK_PAIN_OR_STIFFNESS);
            assertThat(answer.headacheDaysSinceVisit()).isEqualTo(3);
            assertThat(answer.headacheDaysLast30()).as("the continuation test's measure is the diary's").isNull();
            assertThat(answer.note()).isEqualTo("Bit stiff in the mornings");
            assertThat(answer.urgent()).isFalse();
        });

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"already-answered\""),
                        not(containsString("id=\"checkin-form\"")))));
        mvc.perform(form(page).param("feeling", "WORSE")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"already-answered\"")));
        assertThat(answers.ofReferral(referral)).as("the first answer stands").singleElement()
                .satisfies(answer -> assertThat(answer.feeling()).isEqualTo(Feeling.BETTER));
    }

    @Test
    void aCheckInWithoutTheRequiredAnswerIsShownAgainWithWhatToCorrect() throws Exception {
        UUID referral = patient();
        String page = path(links.url(Purpose.CHECK_IN, message(referral, "CHECK_IN")));

        String shownAgain = mvc.perform(form(page).param("sideEffects", "INJECTION_SITE_PAIN")
                        .param("headacheDaysSinceVisit", "400"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Please choose how you feel"),
                        containsString("from 0 to 60"), containsString("id=\"checkin-form\""))))
                .andReturn().getResponse().getContentAsString();

        assertThat(shownAgain).as("what the patient ticked stays ticked")
                .containsPattern("<input[^>]*value=\"INJECTION_SITE_PAIN\"[^>]*checked")
                .doesNotContainPattern("<input[^>]*value=\"NECK_PAIN_OR_STIFFNESS\"[^>]*checked");

        assertThat(answers.ofReferral(referral)).isEmpty();
    }

    @Test
    void anUrgentAnswerTellsThePatientToGetHelpAndRaisesAnAlertAClinicianMarksHandled() throws Exception {
        UUID referral = patient();
        UUID checkIn = message(referral, "CHECK_IN");

        mvc.perform(form(path(links.url(Purpose.CHECK_IN, checkIn))).param("feeling", "WORSE")
                        .param("sideEffects", "TROUBLE_SWALLOWING_SPEAKING_BREATHING", "DROOPING_EYELID"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"urgent-advice\""), containsString("tel:911"),
                        containsString("+1 310 555 0142"), containsString("id=\"thanks\""))));

        mvc.perform(get("/alerts").header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<table id=\"alerts\""),
                        containsString("id=\"alert-" + checkIn + "\""), containsString("Acknowledge"),
                        containsString("Trouble swallowing, speaking or breathing"), containsString("min ago"),
                        containsString("no escalation sent"))));
        mvc.perform(get("/alerts").header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"alert-" + checkIn + "\""),
                        not(containsString("action=\"/alerts/" + checkIn + "/acknowledge\"")))));
        mvc.perform(post("/alerts/" + checkIn + "/acknowledge")
                        .header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/alerts/" + checkIn + "/acknowledge")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/alerts"));
        mvc.perform(post("/alerts/" + checkIn + "/acknowledge")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("outcome", "ALREADY_ACKNOWLEDGED"));
        mvc.perform(post("/alerts/" + checkIn + "/close").param("note", " ")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(flash().attribute("outcome", "NOTE_MISSING"));
        mvc.perform(post("/alerts/" + checkIn + "/close").param("note", "Called; sent to the emergency department")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(flash().attribute("outcome", "CLOSED"));

        assertThat(audit.about(checkIn)).extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action)
                .containsExactly(tuple("patient", "urgent side effects reported"),
                        tuple("clinician", "urgent alert acknowledged"), tuple("clinician", "urgent alert closed"));
        assertThat(audit.about(checkIn)).as("the clinician's note stays out of the audit trail")
                .allSatisfy(entry -> assertThat(entry.toString()).doesNotContain("emergency department"));
        mvc.perform(get("/alerts").header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(content().string(allOf(containsString("acknowledged by clinician"),
                        containsString("Called; sent to the emergency department"),
                        not(containsString("action=\"/alerts/" + checkIn + "/acknowledge\"")),
                        not(containsString("action=\"/alerts/" + checkIn + "/close\"")))));

        await().atMost(WAIT).until(() -> messages.ofReferral(referral).stream()
                .anyMatch(m -> m.kind() == MessageKind.URGENT_ALERT && m.status() == MessageStatus.FAILED));
        mvc.perform(get("/messages").param("referral", referral.toString())
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<table id=\"messages\""),
                        containsString("Urgent alert to the clinic"), containsString("status FAILED"),
                        containsString("mail server refused or unreachable"), containsString("<table id=\"answers\""))));
    }

    /**
     * Double vision is a sign of toxin spread like trouble swallowing: an alert, not a task. A drooping eyelid on
     * its own is a clinician's task: on the tasks list, no alert; a clinician marks it done, a scheduler cannot.
     */
    @Test
    void doubleVisionRaisesAnAlertAndADroopingEyelidAloneBecomesAClinicianTask() throws Exception {
        UUID seesDouble = patient();
        UUID visionCheckIn = message(seesDouble, "CHECK_IN");
        mvc.perform(post(path(links.url(Purpose.CHECK_IN, visionCheckIn)).replace("/checkins/", "/api/checkins/"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"neckPainOrStiffness": false, "injectionSitePain": false, "droopingEyelid": false,
                         "troubleSwallowingSpeakingBreathing": false, "doubleOrBlurredVision": true}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.urgent").value(true));

        UUID eyelid = patient();
        UUID eyelidCheckIn = message(eyelid, "CHECK_IN");
        mvc.perform(form(path(links.url(Purpose.CHECK_IN, eyelidCheckIn))).param("feeling", "SAME")
                        .param("sideEffects", "DROOPING_EYELID"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"eyelid-advice\""),
                        not(containsString("id=\"urgent-advice\"")))));

        String clinician = Api.basic("clinician", Api.DEMO_PASSWORD);
        mvc.perform(get("/api/alerts").header("Authorization", clinician)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + visionCheckIn + "')].sideEffects[0]")
                        .value(org.hamcrest.Matchers.contains("DOUBLE_OR_BLURRED_VISION")))
                .andExpect(jsonPath("$[?(@.id == '" + eyelidCheckIn + "')]").isEmpty());
        mvc.perform(get("/api/tasks").header("Authorization", clinician)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + eyelidCheckIn + "')].urgent")
                        .value(org.hamcrest.Matchers.contains(false)))
                .andExpect(jsonPath("$[?(@.id == '" + visionCheckIn + "')]").isEmpty());
        mvc.perform(get("/tasks").header("Authorization", clinician)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"task-" + eyelidCheckIn + "\""),
                        containsString("Drooping eyelid"), containsString("Mark done"))));
        mvc.perform(get("/api/tasks").header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + eyelidCheckIn + "/done")
                        .header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/tasks/" + eyelidCheckIn + "/done").header("Authorization", clinician))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks"));
        assertThat(audit.about(eyelidCheckIn)).extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action)
                .contains(tuple("clinician", "clinician task done"));
        mvc.perform(get("/tasks").header("Authorization", clinician))
                .andExpect(content().string(allOf(containsString("by clinician"),
                        not(containsString("action=\"/tasks/" + eyelidCheckIn + "/done\"")))));
        await().atMost(WAIT).until(() -> messages.ofReferral(seesDouble).stream()
                .anyMatch(m -> m.kind() == MessageKind.URGENT_ALERT));
        assertThat(messages.ofReferral(eyelid)).noneMatch(m -> m.kind() == MessageKind.URGENT_ALERT);
    }

    @Test
    void tamperedExpiredAndWrongPurposeLinksGetAPlainPageAndRecordNothing() throws Exception {
        UUID referral = patient();
        UUID checkIn = message(referral, "CHECK_IN");
        UUID diary = message(referral, "DIARY_REQUEST");
        String token = token(links.url(Purpose.CHECK_IN, checkIn));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String expired = tokens.issue(new LinkTokens.Link(Purpose.CHECK_IN, checkIn, Instant.now().minusSeconds(60)));
        String unsubscribe = token(links.url(Purpose.UNSUBSCRIBE, checkIn));
        String diaryToken = token(links.url(Purpose.DIARY, diary));

        for (String refused : new String[] {tampered, unsubscribe, diaryToken, "not-a-token"}) {
            mvc.perform(get("/checkins/" + refused)).andExpect(status().isNotFound())
                    .andExpect(content().string(allOf(containsString("id=\"link-problem\""),
                            containsString("This link does not work"), containsString("+1 310 555 0142"))));
            mvc.perform(form("/checkins/" + refused).param("feeling", "BETTER")).andExpect(status().isNotFound());
        }
        mvc.perform(get("/checkins/" + expired)).andExpect(status().isGone())
                .andExpect(content().string(allOf(containsString("This link has expired"),
                        containsString("+1 310 555 0142"))));
        mvc.perform(form("/checkins/" + expired).param("feeling", "BETTER")).andExpect(status().isGone());
        mvc.perform(post("/api/checkins/" + expired).contentType(MediaType.APPLICATION_JSON).content("""
                        {"neckPainOrStiffness": false, "injectionSitePain": false, "droopingEyelid": false,
                         "troubleSwallowingSpeakingBreathing": false}"""))
                .andExpect(status().isGone());
        mvc.perform(get("/unsubscribe/" + token)).andExpect(status().isNotFound());
        mvc.perform(form("/unsubscribe/" + token)).andExpect(status().isNotFound());
        mvc.perform(get("/diary/" + token)).andExpect(status().isNotFound());

        assertThat(answers.ofReferral(referral)).isEmpty();
        assertThat(contacts.find(referral).orElseThrow().emailOptedOut()).isFalse();
    }

    @Test
    void aPatientSendsTheDiaryFromItsOwnLink() throws Exception {
        UUID referral = patient();
        String page = path(links.url(Purpose.DIARY, message(referral, "DIARY_REQUEST")));

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"diary-form\"")));
        mvc.perform(form(page).param("headacheDaysLast30", "31")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("from 0 to 30")));
        mvc.perform(form(page).param("headacheDaysLast30", "7")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"thanks\"")));

        assertThat(answers.latestHeadacheDays(referral)).contains(7);
    }

    @Test
    void aPatientStopsEmailsFromTheUnsubscribePage() throws Exception {
        UUID referral = patient();
        String page = path(links.url(Purpose.UNSUBSCRIBE, message(referral, "REMINDER")));

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unsubscribe-form\"")));
        mvc.perform(form(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unsubscribed\"")));

        assertThat(contacts.find(referral).orElseThrow().emailOptedOut()).isTrue();
        assertThat(audit.about(referral)).extracting(AuditTrail.Entry::action).contains("opted out of email");
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"unsubscribed\""),
                        containsString("already stopped"))));
    }

    @Test
    void cliniciansAndSchedulersSeeTheMessagesAndIntakeStaffDoNot() throws Exception {
        UUID referral = patient();
        UUID reminder = message(referral, "REMINDER");
        messages.record(List.of(clinic.migraine.followup.plan.domain.Messages.Outcome.finished(reminder,
                MessageStatus.FAILED, "SMS gateway answered HTTP 400")));

        for (String account : new String[] {"clinician", "scheduler"}) {
            mvc.perform(get("/messages").param("referral", referral.toString())
                            .header("Authorization", Api.basic(account, Api.DEMO_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<table id=\"messages\""),
                            containsString("Visit reminder"), containsString("status FAILED"),
                            containsString("SMS gateway answered HTTP 400"), containsString("PST"))));
            mvc.perform(get("/api/messages").param("patient", referral.toString())
                            .header("Authorization", Api.basic(account, Api.DEMO_PASSWORD)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/messages").header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<table id=\"messages\"")));
        mvc.perform(get("/messages").param("referral", "not-an-id")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"search-problem\"")));
        mvc.perform(get("/").header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(redirectedUrl("/messages"));

        mvc.perform(get("/messages").header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/messages").param("patient", referral.toString())
                        .header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/alerts").header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/alerts").header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAlertsPageSaysWhoToCallFirstAndStaffFindThePatientByNameOrBirthDate() throws Exception {
        UUID referral = patient();
        UUID patientId = UUID.randomUUID();
        String last = "Quennell" + (int) (Math.random() * 100_000);
        directory.remember(new PatientDirectory.Patient(referral, patientId, "Ana", last, LocalDate.of(1984, 3, 9),
                "+13105550177"));
        UUID checkIn = message(referral, "CHECK_IN");
        mvc.perform(form(path(links.url(Purpose.CHECK_IN, checkIn))).param("feeling", "WORSE")
                .param("sideEffects", "DOUBLE_OR_BLURRED_VISION")).andExpect(status().isOk());

        org.jsoup.nodes.Element alert = org.jsoup.Jsoup.parse(mvc.perform(get("/alerts")
                        .header("Authorization", Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .getElementById("alert-" + checkIn);
        assertThat(alert.selectFirst(".patient-name").text()).isEqualTo(last + ", Ana");
        assertThat(alert.selectFirst(".patient-name a").attr("href"))
                .isEqualTo("http://localhost:8091/patients/" + patientId);
        assertThat(alert.selectFirst(".patient-phone").attr("href")).isEqualTo("tel:+13105550177");
        assertThat(alert.selectFirst(".patient-born").text()).startsWith("born 1984-03-09");

        for (String search : List.of(last.toLowerCase(), "ana " + last.substring(0, 6), "1984-03-09")) {
            String found = mvc.perform(get("/messages").param("referral", search)
                            .header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(org.jsoup.Jsoup.parse(found).select("#found a").eachAttr("href")).as(search)
                    .contains("/messages?referral=" + referral);
        }
        String page = mvc.perform(get("/messages").param("referral", referral.toString())
                        .header("Authorization", Api.basic("scheduler", Api.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(page).selectFirst("h2.patient").text()).contains(last + ", Ana")
                .contains("+13105550177");
    }

    private UUID patient() {
        UUID referral = UUID.randomUUID();
        contacts.saveIfNew(new Contact(referral, "p-" + referral + "@example.org", null, "America/New_York", Channel.EMAIL,
                false, false, false, false));
        return referral;
    }

    /** A message already planned for the patient, due far ahead so no timer sends it during the test. */
    private UUID message(UUID referral, String kind) {
        UUID id = UUID.randomUUID();
        messages.planIfNew(new Message(id, referral, "cycle:" + referral + ":1", MessageKind.valueOf(kind), Channel.EMAIL,
                kind + "-" + id, null, 1, Instant.now().plus(30, ChronoUnit.DAYS), MessageStatus.PLANNED, null, null),
                Instant.now());
        return id;
    }

    private static MockHttpServletRequestBuilder form(String path) {
        return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static String path(String url) {
        return url.substring(url.indexOf('/', "http://".length()));
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
