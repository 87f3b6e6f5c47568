package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.CancelReasonCode;
import clinic.migraine.events.CancelledBy;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.PatientReplied;
import clinic.migraine.events.PatientReply;
import clinic.migraine.events.SlotOffered;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.scheduling.booking.application.VisitLinks;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A patient manages their own visit through the signed link their confirmation carries, signed in as nobody:
 * confirm (the board shows it), choose another free time (race-safe: the second to take a time gets 409), cancel.
 */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class PatientVisitIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    private static final String PROVIDER = "prov-2";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventTopics topics;
    @Autowired
    AuditTrail audit;

    @Test
    void thePatientConfirmsFromTheLinkInTheBookingAndTheBoardShowsIt() throws Exception {
        String start = freeSlot(130, 0);
        UUID visit = book(start);
        String link = bookedEvent(visit).getManageUrl();
        assertThat(link).startsWith("http://localhost:8093/visit/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(confirmationOnBoard(visit, start)).isEqualTo("Unconfirmed");

        MockHttpSession patient = new MockHttpSession();
        Document page = patientPage(token, patient);
        assertThat(page.getElementById("visit-status").text()).isEqualTo("Booked, not yet confirmed");
        assertThat(page.getElementById("visit-when").text()).contains("Pacific");
        MockHttpServletResponse confirmed = anonymous(post("/visit/" + token + "/confirm").session(patient)
                .param("_csrf", csrf(page, "confirm-form")));
        assertThat(confirmed.getStatus()).isEqualTo(302);
        assertThat(patientPage(token, patient).getElementById("visit-status").text())
                .isEqualTo("Booked, and you have confirmed it");
        assertThat(confirmationOnBoard(visit, start)).isEqualTo("Confirmed");
        assertThat(audit.changesAbout(visit)).extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action)
                .contains(tuple("patient", "appointment confirmed"));
    }

    @Test
    void aForgedOrAlteredLinkRevealsNothing() throws Exception {
        UUID visit = book(freeSlot(135, 0));
        String token = token(visit);
        // one character inside the signed part (the last one carries unused padding bits, so it is not the one)
        char changed = token.charAt(10) == 'A' ? 'B' : 'A';
        String altered = token.substring(0, 10) + changed + token.substring(11);
        String otherKey = new VisitLinks(7, java.util.Map.of(7, "another-key-that-nobody-configured-here"))
                .issue(visit);
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(visit.toString().getBytes());

        for (String bad : List.of(altered, otherKey, unsigned, "x")) {
            assertThat(anonymous(get("/visit/" + bad)).getStatus()).as(bad).isEqualTo(404);
            assertThat(anonymous(get("/visit/" + bad)).getContentAsString()).doesNotContain(visit.toString());
        }
        assertThat(anonymous(get("/visit/" + token)).getStatus()).isEqualTo(200);
    }

    @Test
    void twoPatientsChoosingTheSameFreeTimeOneGetsItTheOtherIsToldItWasTaken() throws Exception {
        UUID first = book(freeSlot(140, 0));
        UUID second = book(freeSlot(140, 1));
        MockHttpSession one = new MockHttpSession();
        MockHttpSession two = new MockHttpSession();
        Document pageOne = patientPage(token(first), one);
        Document pageTwo = patientPage(token(second), two);
        // a time both are offered
        Element offered = pageOne.select("#times form").stream()
                .filter(f -> !pageTwo.select("#times input[name=start][value=" + f.selectFirst("input[name=start]")
                        .val() + "]").isEmpty())
                .findFirst().orElseThrow();
        String target = offered.selectFirst("input[name=start]").val();
        String provider = offered.selectFirst("input[name=providerId]").val();

        MockHttpServletResponse won = anonymous(post("/visit/" + token(first) + "/move").session(one)
                .param("_csrf", csrf(pageOne, null)).param("start", target).param("providerId", provider));
        MockHttpServletResponse lost = anonymous(post("/visit/" + token(second) + "/move").session(two)
                .param("_csrf", csrf(pageTwo, null)).param("start", target).param("providerId", provider));

        assertThat(won.getStatus()).isEqualTo(302);
        assertThat(lost.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(lost.getContentAsString()).getElementById("problem").text())
                .contains("just been taken");
        AppointmentRescheduled moved = topics.await(EventTopic.APPOINTMENT_RESCHEDULED.topicName(),
                AppointmentRescheduled.class, e -> e.getAppointmentId().equals(first), 1, WAIT).get(0);
        assertThat(moved.getStart()).isEqualTo(Instant.parse(target));
        assertThat(moved.getActor()).isEqualTo("patient");
        assertThat(moved.getManageUrl()).endsWith(token(first));
        assertThat(patientPage(token(first), one).getElementById("visit-status").text())
                .as("choosing a time confirms it").isEqualTo("Booked, and you have confirmed it");
        assertThat(body(get("/api/appointments/" + second))).contains("\"status\":\"booked\"");
    }

    @Test
    void thePatientCancelsOnlyWhenTheySayTheyAreSure() throws Exception {
        UUID visit = book(freeSlot(145, 0));
        MockHttpSession patient = new MockHttpSession();
        Document page = patientPage(token(visit), patient);

        MockHttpServletResponse unsure = anonymous(post("/visit/" + token(visit) + "/cancel").session(patient)
                .param("_csrf", csrf(page, "cancel-form")));
        assertThat(unsure.getStatus()).isEqualTo(422);
        assertThat(body(get("/api/appointments/" + visit))).contains("\"status\":\"booked\"");

        MockHttpServletResponse sure = anonymous(post("/visit/" + token(visit) + "/cancel").session(patient)
                .param("_csrf", csrf(page, "cancel-form")).param("sure", "yes"));
        assertThat(sure.getStatus()).isEqualTo(302);
        AppointmentCancelled cancelled = topics.await(EventTopic.APPOINTMENT_CANCELLED.topicName(),
                AppointmentCancelled.class, e -> e.getAppointmentId().equals(visit), 1, WAIT).get(0);
        assertThat(cancelled.getCancelledBy()).isEqualTo(CancelledBy.PATIENT);
        assertThat(cancelled.getReasonCode()).isEqualTo(CancelReasonCode.PATIENT_LINK);
        Document after = patientPage(token(visit), patient);
        assertThat(after.getElementById("visit-status").text()).isEqualTo("Cancelled");
        assertThat(after.getElementById("cancel-form")).as("nothing left to do").isNull();
        assertThat(anonymous(post("/visit/" + token(visit) + "/confirm").session(patient)
                .param("_csrf", csrf(page, "cancel-form"))).getStatus()).isEqualTo(409);
    }

    @Test
    void aSlotFreedSoonIsOfferedToThePatientsWaitingAndTheFirstToTakeItGetsIt() throws Exception {
        String freedStart = freeSlot(5, 0);
        UUID freed = book(freedStart);
        UUID waitingOne = book(freeSlot(178, 0));
        UUID waitingTwo = book(freeSlot(178, 1));

        mvc.perform(post("/api/appointments/" + freed + "/cancel").header("Authorization", Api.basic("scheduler",
                        Api.DEMO_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"patient is ill\",\"by\":\"PATIENT\"}"))
                .andExpect(status().isOk());

        // offered, not imposed: both still hold their own visit
        String offerOne = offerTo(waitingOne);
        String offerTwo = offerTo(waitingTwo);
        assertThat(body(get("/api/appointments/" + waitingOne))).doesNotContain(freedStart);
        MockHttpSession one = new MockHttpSession();
        MockHttpSession two = new MockHttpSession();
        Document pageOne = page(offerOne, one);
        Document pageTwo = page(offerTwo, two);
        assertThat(pageOne.getElementById("take-form")).isNotNull();

        MockHttpServletResponse took = anonymous(post(offerOne).session(one)
                .param("_csrf", pageOne.selectFirst("#take-form input[name=_csrf]").val()));
        MockHttpServletResponse late = anonymous(post(offerTwo).session(two)
                .param("_csrf", pageTwo.selectFirst("#take-form input[name=_csrf]").val()));

        assertThat(took.getStatus()).isEqualTo(302);
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(late.getContentAsString()).getElementById("problem").text())
                .contains("already been taken");
        AppointmentRescheduled moved = topics.await(EventTopic.APPOINTMENT_RESCHEDULED.topicName(),
                AppointmentRescheduled.class, e -> e.getAppointmentId().equals(waitingOne), 1, WAIT).get(0);
        assertThat(moved.getStart()).isEqualTo(OffsetDateTime.parse(freedStart).toInstant());
        assertThat(moved.getActor()).isEqualTo("patient");
        assertThat(page(offerTwo, two).getElementById("offer-state").text()).contains("already been taken");
        assertThat(body(get("/api/appointments/" + waitingTwo))).contains("\"status\":\"booked\"")
                .doesNotContain(freedStart);
    }

    @Test
    void aTextReplyConfirmsTheNextVisitOrAsksTheSchedulersToCall() throws Exception {
        String start = freeSlot(150, 0);
        UUID visit = book(start);
        UUID referral = bookedEvent(visit).getReferralId();

        topics.send(EventTopic.PATIENT_REPLIED.topicName(), referral.toString(), reply(referral, PatientReply.CONFIRM));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(confirmationOnBoard(visit, start)).isEqualTo("Confirmed"));

        topics.send(EventTopic.PATIENT_REPLIED.topicName(), referral.toString(), reply(referral, PatientReply.CALL_ME));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(JsonPath.<List<String>>read(body(get("/api/rebooking")),
                        "$[?(@.referralId == '" + referral + "')].reason")).containsExactly("CALL_TO_RESCHEDULE"));
    }

    private static PatientReplied reply(UUID referral, PatientReply reply) {
        return PatientReplied.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).setReferralId(referral).setReply(reply).build();
    }

    /** The path of the link in the offer the waiting visit's patient was sent. */
    private String offerTo(UUID visit) {
        String url = topics.await(EventTopic.SLOT_OFFERED.topicName(), SlotOffered.class,
                e -> e.getAppointmentId().equals(visit), 1, WAIT).get(0).getOfferUrl();
        assertThat(url).startsWith("http://localhost:8093/visit/").contains("/offers/");
        return url.substring("http://localhost:8093".length());
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        MockHttpServletResponse page = anonymous(get(path).session(session));
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString());
    }

    private AppointmentBooked bookedEvent(UUID visit) {
        return topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getAppointmentId().equals(visit), 1, WAIT).get(0);
    }

    private String token(UUID visit) {
        String link = bookedEvent(visit).getManageUrl();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The word the board shows beside the booked visit. */
    private String confirmationOnBoard(UUID visit, String start) throws Exception {
        LocalDate day = OffsetDateTime.parse(start).atZoneSameInstant(CLINIC).toLocalDate();
        Document board = Jsoup.parse(body(get("/board").header("Authorization", Api.basic("scheduler",
                Api.DEMO_PASSWORD)).param("providerId", PROVIDER).param("week", day.toString())));
        return board.selectFirst("td[data-appointment-id=" + visit + "] .confirmation").text();
    }

    private Document patientPage(String token, MockHttpSession session) throws Exception {
        MockHttpServletResponse page = anonymous(get("/visit/" + token).session(session));
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString());
    }

    private static String csrf(Document page, String formId) {
        Element form = formId == null ? page.selectFirst("#times form") : page.getElementById(formId);
        return form.selectFirst("input[name=_csrf]").val();
    }

    /** As the patient: no staff account, whatever the tests' default sign-in. */
    private MockHttpServletResponse anonymous(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.removeHeader("Authorization");
            return r;
        })).andReturn().getResponse();
    }

    private UUID book(String start) throws Exception {
        String body = "{\"referralId\":\"" + UUID.randomUUID() + "\",\"cycle\":1,\"start\":\"" + start
                + "\",\"providerId\":\"" + PROVIDER + "\"}";
        String answer = mvc.perform(post("/api/appointments").header("Authorization", Api.basic("scheduler",
                        Api.DEMO_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    private String freeSlot(int daysAhead, int n) throws Exception {
        String slots = body(get("/api/slots").param("from", LocalDate.now(CLINIC).plusDays(daysAhead).toString())
                .param("to", LocalDate.now(CLINIC).plusDays(daysAhead + 7).toString()).param("providerId", PROVIDER));
        return JsonPath.read(slots, "$[" + n + "].start");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
