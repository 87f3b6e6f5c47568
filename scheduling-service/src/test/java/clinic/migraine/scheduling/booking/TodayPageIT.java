package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.PatientUpdated;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The front desk's Today page: who comes when, confirmed or not, checked in from here or from another page. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class TodayPageIT {

    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatientDirectory directory;
    @Autowired
    EventTopics topics;

    @Test
    void todaysVisitsShowWhoComesAndCheckingInHereOrOnTheAppointmentPageShowsOnTheList() throws Exception {
        UUID first = visitToday(23, 0, "Ngata", "Aroha", "+13105550121");
        UUID second = visitToday(23, 30, "Brennan", "Siobhan", "+13105550122");

        Document page = page(get("/today"));
        Element today = page.getElementById("today");
        assertThat(today.attr("data-live-url")).isEqualTo("/today/fragment");
        assertThat(today.attr("data-live-events")).isEqualTo("/api/appointments/stream");
        Element row = today.selectFirst("tr[data-appointment-id=" + first + "]");
        assertThat(row.selectFirst(".patient-name").text()).isEqualTo("Ngata, Aroha");
        assertThat(row.selectFirst(".patient-phone").attr("href")).isEqualTo("tel:+13105550121");
        assertThat(row.selectFirst(".confirmation").text()).isEqualTo("Unconfirmed");
        assertThat(today.select("tr[data-appointment-id]").eachAttr("data-appointment-id"))
                .as("in time order").containsSubsequence(first.toString(), second.toString());

        mvc.perform(as("scheduler", post("/today/" + first + "/check-in")))
                .andExpect(redirectedUrl("/today"));
        mvc.perform(as("scheduler", post("/appointments/" + second + "/check-in")))
                .andExpect(status().is3xxRedirection());

        Document fragment = Jsoup.parseBodyFragment(body(get("/today/fragment")));
        assertThat(fragment.selectFirst("tr[data-appointment-id=" + first + "]").attr("data-status"))
                .isEqualTo("arrived");
        assertThat(fragment.selectFirst("tr[data-appointment-id=" + second + "]").attr("data-status"))
                .isEqualTo("arrived");
        assertThat(fragment.selectFirst("tr[data-appointment-id=" + second + "] a[href=/appointments/" + second + "]")
                .text()).isEqualTo("Record the treatment");
        mvc.perform(get("/today").header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFrontDeskLooksAtAnotherDaysListAndActsOnItWithoutLosingTheDay() throws Exception {
        LocalDate inThreeDays = LocalDate.now(CLINIC).plusDays(3);
        UUID later = visitOn(inThreeDays, 10, 0, "Kowalczyk", "Marta", "+13105550125");

        Document other = page(get("/today").param("day", inThreeDays.toString()));
        assertThat(other.getElementById("today").attr("data-live-url"))
                .isEqualTo("/today/fragment?day=" + inThreeDays);
        assertThat(other.selectFirst("h1 time").attr("datetime")).isEqualTo(inThreeDays.toString());
        assertThat(other.selectFirst("tr[data-appointment-id=" + later + "] .patient-name").text())
                .isEqualTo("Kowalczyk, Marta");
        assertThat(page(get("/today")).selectFirst("tr[data-appointment-id=" + later + "]"))
                .as("not on today's list").isNull();
        assertThat(other.getElementById("next-day").attr("href")).isEqualTo("/today?day=" + inThreeDays.plusDays(1));

        mvc.perform(as("scheduler", post("/today/" + later + "/check-in").param("day", inThreeDays.toString())))
                .andExpect(redirectedUrl("/today?day=" + inThreeDays));
        assertThat(Jsoup.parseBodyFragment(body(get("/today/fragment").param("day", inThreeDays.toString())))
                .selectFirst("tr[data-appointment-id=" + later + "]").attr("data-status")).isEqualTo("arrived");
        mvc.perform(as("scheduler", get("/today").param("day", "next-tuesday"))).andExpect(status().isBadRequest());
    }

    @Test
    void aSchedulerFindsAPatientByNameOrBirthDateAndOpensTheirVisit() throws Exception {
        String last = "Varga" + (int) (Math.random() * 100_000);
        UUID visit = visitToday(22, 30, last, "Zsofia", "+13105550123");

        for (String q : java.util.List.of(last.toUpperCase(), "zso " + last.substring(0, 7))) {
            Document found = page(get("/board/search").param("q", q));
            assertThat(found.select("#found .patient-name").eachText()).as(q).contains(last + ", Zsofia");
            assertThat(found.select("#found a.visit").eachAttr("href")).as(q).contains("/appointments/" + visit);
        }
        assertThat(page(get("/board/search").param("q", "Nobody-by-this-name")).getElementById("nobody"))
                .isNotNull();
        assertThat(page(get("/board")).getElementById("patient-search").attr("action")).isEqualTo("/board/search");
    }

    @Test
    void aNameIntakeCorrectsShowsOnTheseServicesPages() throws Exception {
        String wrong = "Mistyped" + (int) (Math.random() * 100_000);
        UUID visit = visitToday(22, 0, wrong, "Ines", "+13105550124");
        UUID referral = jdbc.sql("select referral_id from appointment where id = :id").param("id", visit)
                .query(UUID.class).single();
        UUID patient = directory.of(referral).orElseThrow().patientId();
        String corrected = "Corrected" + (int) (Math.random() * 100_000);

        topics.send(EventTopic.PATIENT_UPDATED.topicName(), referral.toString(), PatientUpdated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setReferralId(referral).setPatientId(patient).setFirstName("Inés").setLastName(corrected).build());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(page(get("/today")).selectFirst("tr[data-appointment-id=" + visit + "] .patient-name")
                        .text()).isEqualTo(corrected + ", Inés"));
        assertThat(page(get("/board/search").param("q", wrong)).getElementById("nobody")).isNotNull();
    }

    /** A visit of prov-1 today at the clinic's wall-clock time, its patient named. */
    private UUID visitToday(int hour, int minute, String last, String first, String phone) {
        return visitOn(LocalDate.now(CLINIC), hour, minute, last, first, phone);
    }

    /** A visit of prov-1 on that day at the clinic's wall-clock time, its patient named. */
    private UUID visitOn(LocalDate day, int hour, int minute, String last, String first, String phone) {
        UUID id = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        Instant start = day.atTime(hour, minute).atZone(CLINIC).toInstant();
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                  created_at, updated_at)
                values (:id, :referral, 1, 'prov-1', 'Marina Del Rey', :start, :end, 'booked', now(), now())
                """).param("id", id).param("referral", referral).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plusSeconds(1800))).update();
        directory.remember(new PatientDirectory.Patient(referral, UUID.randomUUID(), first, last,
                LocalDate.of(1970, 1, 1), phone));
        return id;
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(body(request));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as("scheduler", request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder as(String account, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.basic(account, Api.DEMO_PASSWORD));
    }
}
