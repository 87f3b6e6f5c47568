package clinic.migraine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.pages.ClinicTime;
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

/** The intake staff's pages, signed in as the demo accounts, on a real broker, registry and Postgres. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class IntakePagesIT {

    static final String INTAKE = Api.basic("intake", Api.DEMO_PASSWORD);
    static final String SCHEDULER = Api.basic("scheduler", Api.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;
    @Autowired
    ClinicTime clinicTime;

    @Test
    void theStartPageSendsStaffToTheReferrals() throws Exception {
        mvc.perform(get("/").header("Authorization", INTAKE))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/referrals"));
    }

    @Test
    void aSubmittedReferralIsListedAndFoundByLastName() throws Exception {
        String lastName = uniqueLastName();
        UUID id = submitAsIntake(Referrals.ana().replace("\"Lopez\"", "\"" + lastName + "\""));

        String list = page(get("/referrals"));
        assertThat(list).contains("id=\"referrals\"", "id=\"q\"", "id=\"status\"", "id=\"new-referral\"",
                "href=\"/referrals/" + id + "\"", lastName + ", Ana");

        String found = page(post("/referrals/search").param("q", lastName.toLowerCase()));
        assertThat(found).contains("href=\"/referrals/" + id + "\"").contains("1 of 1 referral,");
        String other = page(post("/referrals/search").param("q", uniqueLastName()));
        assertThat(other).doesNotContain("/referrals/" + id).contains("No referrals match.");
        String byStatus = page(get("/referrals").param("status", "RECEIVED"));
        assertThat(byStatus).contains("href=\"/referrals/" + id + "\"");
        String otherStatus = page(post("/referrals/search").param("q", lastName).param("status", "SCHEDULED"));
        assertThat(otherStatus).doesNotContain("/referrals/" + id);
    }

    @Test
    void theReferralFormHasAnInputNamedForEveryFieldTheApiNames() throws Exception {
        String page = page(get("/referrals/new"));
        String form = page.substring(page.indexOf("<form id=\"referral-form\""), page.lastIndexOf("</form>"));
        assertThat(form).contains("id=\"referral-form\"", "data-api=\"/api/referrals\"",
                "data-then=\"/referrals/{id}\"", "id=\"submit-referral\"", "id=\"patient-firstName\"",
                "id=\"clinical-headacheDaysPerMonth\"", "id=\"clinical-preventiveTrials-0-drugClass\"",
                "<option value=\"America/Los_Angeles\" selected=\"selected\">",
                "<option value=\"commercial-precert\" data-covered=\"G43.701 G43.709 G43.711 G43.719\">",
                "<option value=\"SMS\">", "id=\"covered-codes\"", "id=\"patient-age\"");
        Set<String> targets = new TreeSet<>(attributeValues(form, "name"));
        targets.addAll(attributeValues(form, "data-error-for"));
        for (String label : attributeValues(form, "for")) {
            assertThat(form).as("label for %s", label).contains("id=\"" + label + "\"");
        }
        attributeValues(form, "name").stream().filter(name -> !name.equals("clinical.contraindications"))
                .forEach(name -> assertThat(form).as("input %s", name)
                        .contains("id=\"" + name.replaceAll("\\[(\\d+)]", "-$1").replace('.', '-') + "\""));
        mvc.perform(get("/intake/referral-form.js").header("Authorization", INTAKE)).andExpect(status().isOk());

        List<String> named = new ArrayList<>();
        named.addAll(fieldsNamedByTheApi(everyFieldWrong()));
        named.addAll(fieldsNamedByTheApi("{}"));
        named.addAll(fieldsNamedByTheApi(Referrals.ana().replace("\"preferredChannel\": \"EMAIL\"",
                "\"preferredChannel\": \"SMS\"").replace("\"phone\": \"+13105550100\",", "")));
        named.addAll(fieldsNamedByTheApi(Referrals.ana().replace("\"email\": \"ana@example.org\",", "")));
        named.addAll(fieldsNamedByTheApi(Referrals.anaWith("medicationOveruse", "\"SOMETIMES\"")));
        named.addAll(fieldsNamedByTheApi(Referrals.ana().replace("1984-03-09", "1984-13-45")));

        assertThat(named).contains("patient", "clinical.preventiveTrials[0]", "clinical.preventiveTrials[1].drugClass",
                "clinical.migraineDaysPerMonth", "patient.phone", "patient.email");
        assertThat(targets).containsAll(named);
    }

    @Test
    void theReferralPageShowsItsStatusAndWhoSubmittedIt() throws Exception {
        UUID id = submitAsIntake(Referrals.ana());

        String page = page(get("/referrals/" + id));

        assertThat(page).contains("<span id=\"status\" class=\"status RECEIVED\">RECEIVED</span>",
                "data-live-url=\"/referrals/" + id + "/live\"", "data-live-seconds=\"2\"",
                "<ol id=\"timeline\" class=\"timeline\">", "id=\"audit\"", "id=\"withdraw-form\"",
                "data-api=\"/api/referrals/" + id + "/withdraw\"");
        assertThat(auditRows(page)).anySatisfy(row -> assertThat(row).contains("intake", "referral submitted"));
        List<String> entries = jdbc.sql("""
                select actor || '|' || action || '|' || subject_type || '|' || coalesce(detail, '')
                from audit_entry where referral_id = :id""").param("id", id).query(String.class).list();
        // reading the page is recorded too: who looked, at what, never what it showed
        assertThat(entries).containsExactly("intake|referral submitted|referral|payer policy commercial-precert",
                "intake|read|referral|GET /referrals/{id}");
    }

    @Test
    void withdrawingIsAuditedAndTheEventNamesWhoDidIt() throws Exception {
        UUID id = submitAsIntake(Referrals.ana());

        mvc.perform(post("/api/referrals/" + id + "/withdraw").header("Authorization", INTAKE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Ana Lopez moved to Oregon\"}"))
                .andExpect(status().isOk());

        List<ReferralWithdrawn> events = topics.await(EventTopic.REFERRAL_WITHDRAWN.topicName(),
                ReferralWithdrawn.class, e -> e.getReferralId().equals(id), 1, Duration.ofSeconds(30));
        assertThat(events.get(0).getActor()).isEqualTo("intake");
        List<String> entries = jdbc.sql("""
                select actor || '|' || action || '|' || coalesce(detail, '') from audit_entry
                where referral_id = :id order by id""").param("id", id).query(String.class).list();
        assertThat(entries).containsExactly("intake|referral submitted|payer policy commercial-precert",
                "intake|referral withdrawn|was RECEIVED");
        String page = page(get("/referrals/" + id));
        assertThat(page).contains("class=\"status DISCONTINUED\"", "id=\"withdrawn\"")
                .doesNotContain("id=\"withdraw-form\"");
        assertThat(auditRows(page)).anySatisfy(row -> assertThat(row).contains("intake", "referral withdrawn"));
    }

    @Test
    void theLiveFragmentShowsWhatOtherServicesReportAndWhoDidIt() throws Exception {
        UUID id = submitAsIntake(Referrals.ana());
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        EligibilityDetermined decided = EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now()).setReferralId(id).setCycle(1).setOutcome(EligibilityOutcome.ELIGIBLE)
                .setReasons(List.of()).setPolicyId("commercial-precert").setPolicyVersion("2026.1")
                .setDecidedBy(DecisionMaker.CLINICIAN).setClinician("clinician").build();
        AppointmentBooked booked = AppointmentBooked.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now().plusMillis(5)).setReferralId(id).setAppointmentId(UUID.randomUUID()).setCycle(1)
                .setProviderId("prov-1").setProviderName("Dr. Elena Rivera").setLocation("Marina Del Rey")
                .setStart(start).setEnd(start.plus(30, ChronoUnit.MINUTES)).setClinicTimeZone("America/Los_Angeles")
                .setActor("scheduler").build();

        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), id.toString(), decided);
        topics.send(EventTopic.APPOINTMENT_BOOKED.topicName(), id.toString(), booked);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String live = page(get("/referrals/" + id + "/live"));
            assertThat(live).doesNotContain("<html", "<header")
                    .contains("<span id=\"status\" class=\"status SCHEDULED\">SCHEDULED</span>",
                            "id=\"eligibility-outcome\" class=\"status ELIGIBLE\"", "Marina Del Rey",
                            "<dd id=\"appointment-provider\">Dr. Elena Rivera</dd>", clinicTime.format(start));
            assertThat(auditRows(live))
                    .anySatisfy(row -> assertThat(row).contains("clinician", "eligibility decided"))
                    .anySatisfy(row -> assertThat(row).contains("scheduler", "appointment booked"))
                    .anySatisfy(row -> assertThat(row).contains("intake", "referral submitted"));
        });
        mvc.perform(get("/api/referrals/" + id).header("Authorization", INTAKE))
                .andExpect(jsonPath("$.timeline[?(@.event == 'AppointmentBooked')].actor").value("scheduler"))
                .andExpect(jsonPath("$.appointment.providerName").value("Dr. Elena Rivera"))
                .andExpect(jsonPath("$.timeline[?(@.event == 'ReferralReceived')].summary")
                        .value("Referral received for payer policy commercial-precert"));
    }

    @Test
    void schedulersAreRefusedTheReferralPagesAndApi() throws Exception {
        UUID id = submitAsIntake(Referrals.ana());

        mvc.perform(get("/referrals").header("Authorization", SCHEDULER))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("id=\"referrals\""))));
        mvc.perform(get("/referrals/" + id).header("Authorization", SCHEDULER))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Lopez"))));
        mvc.perform(get("/referrals/" + id + "/live").header("Authorization", SCHEDULER))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/referrals").header("Authorization", SCHEDULER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/referrals").header("Authorization", SCHEDULER).contentType(MediaType.APPLICATION_JSON)
                        .content(Referrals.ana()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownReferralIsAPageThatDoesNotExist() throws Exception {
        mvc.perform(get("/referrals/" + UUID.randomUUID()).header("Authorization", INTAKE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Not found")));
        mvc.perform(get("/referrals/not-an-id").header("Authorization", INTAKE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", INTAKE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
    }

    private UUID submitAsIntake(String body) throws Exception {
        String answer = mvc.perform(post("/api/referrals").header("Authorization", INTAKE)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    private List<String> fieldsNamedByTheApi(String body) throws Exception {
        String problem = mvc.perform(post("/api/referrals").header("Authorization", INTAKE)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(problem, "$.errors[*].field");
    }

    /** Every field the form can send, each wrong, and a skipped preventive-trial row. */
    private static String everyFieldWrong() {
        return """
                {
                  "patient": {"firstName": "", "lastName": " ", "dateOfBirth": "1899-12-31",
                              "email": "not-an-email", "phone": "+1 555 0100",
                              "timeZone": "Mars/Olympus", "preferredChannel": "EMAIL"},
                  "referrer": {"name": "", "npi": "1234567890"},
                  "payer": {"policy": "Commercial Precert", "memberId": "no spaces allowed"},
                  "diagnosisCode": "migraine",
                  "clinical": {"migraineDaysPerMonth": 40, "chronicMigraineMonths": -1,
                               "preventiveTrials": [null, {"drug": "", "days": -5}],
                               "contraindications": ["PREGNANCY", "PREGNANCY", "PREGNANCY", "PREGNANCY",
                                 "PREGNANCY", "PREGNANCY", "PREGNANCY", "PREGNANCY", "PREGNANCY", "PREGNANCY",
                                 "PREGNANCY"]}
                }
                """;
    }

    private static List<String> attributeValues(String html, String attribute) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return values;
    }

    private static List<String> auditRows(String html) {
        Matcher table = Pattern.compile("<table id=\"audit\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertThat(table.find()).as("an audit table").isTrue();
        Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
        List<String> found = new ArrayList<>();
        while (rows.find()) {
            found.add(rows.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return found;
    }

    private static String uniqueLastName() {
        return "Okafor-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
