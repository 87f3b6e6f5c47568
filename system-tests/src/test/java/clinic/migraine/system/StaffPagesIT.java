package clinic.migraine.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Every staff page that shows a patient names them: a tour of the four services' pages as their users open them,
 * one screenshot each ({@code target/screenshots/staff-*.png}), with three patients in the states the pages are
 * about: one treated who reported double vision (an urgent alert), one waiting for a clinician's review, one
 * treated who reported a drooping eyelid (a clinician's task). Each page is checked softly, so one missing name
 * does not hide the others.
 */
class StaffPagesIT {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();

    @RegisterExtension
    @Order(2)
    static final SharedSystem shared = new SharedSystem();

    private static RunningSystem system;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
    }

    @Test
    void everyStaffPageThatShowsAPatientNamesThem() throws IOException {
        Patient alerted = treatedAndCheckedIn("label[for=effect-vision]");
        Patient drooping = treatedAndCheckedIn("label[for=effect-eyelid]");
        Patient reviewed = submit(withoutMigraineDays(referral()));
        String review = await().atMost(RunningSystem.WAIT).until(() -> system.eligibility
                .get("/api/reviews?status=OPEN").<List<String>>read("$[?(@.referralId == '" + reviewed.id + "')].id"),
                ids -> !ids.isEmpty()).get(0);
        await().atMost(RunningSystem.WAIT).until(() -> system.followup.as("clinician").get("/api/alerts")
                .<List<String>>read("$[?(@.referralId == '" + alerted.id + "')].id"), ids -> !ids.isEmpty());
        await().atMost(RunningSystem.WAIT).until(() -> system.followup.as("clinician").get("/api/tasks")
                .<List<String>>read("$[?(@.referralId == '" + drooping.id + "')].id"), ids -> !ids.isEmpty());
        String appointment = alerted.appointment;
        Api.Answer treated = system.scheduling.get("/api/appointments/" + appointment);
        String provider = treated.read("$.providerId");
        LocalDate day = OffsetDateTime.parse(treated.<String>read("$.start")).atZoneSameInstant(CLINIC_ZONE)
                .toLocalDate();
        String patientId = system.intake.get("/api/referrals/" + alerted.id).read("$.patient.id");

        SoftAssertions softly = new SoftAssertions();
        String intake = system.intake.baseUrl();
        browser.signIn(intake, "intake", Api.DEMO_PASSWORD);
        page(softly, "intake-referrals", intake + "/referrals", alerted);
        page(softly, "intake-referral", intake + "/referrals/" + alerted.id, alerted);
        search(softly, "intake-patients", intake + "/patients", "q", alerted);
        page(softly, "intake-patient", intake + "/patients/" + patientId, alerted);

        String eligibility = system.eligibility.baseUrl();
        browser.signIn(eligibility, "clinician", Api.DEMO_PASSWORD);
        page(softly, "eligibility-reviews", eligibility + "/reviews", reviewed);
        page(softly, "eligibility-review", eligibility + "/reviews/" + review, reviewed);
        search(softly, "eligibility-review-search", eligibility + "/reviews", "patient-q", reviewed);
        page(softly, "eligibility-authorizations", eligibility + "/authorizations", null);

        String scheduling = system.scheduling.baseUrl();
        browser.signIn(scheduling, "scheduler", Api.DEMO_PASSWORD);
        page(softly, "scheduling-board", scheduling + "/board?providerId=" + provider + "&week=" + day, alerted);
        page(softly, "scheduling-today", scheduling + "/today?day=" + day, alerted);
        page(softly, "scheduling-appointment", scheduling + "/appointments/" + appointment, alerted);
        search(softly, "scheduling-search", scheduling + "/board", "patient-q", alerted);
        page(softly, "scheduling-rebooking", scheduling + "/rebooking", null);

        String followup = system.followup.baseUrl();
        browser.signIn(followup, "clinician", Api.DEMO_PASSWORD);
        search(softly, "followup-search", followup + "/messages", "referral", alerted);
        page(softly, "followup-messages", followup + "/messages?referral=" + alerted.id, alerted);
        page(softly, "followup-alerts", followup + "/alerts", alerted);
        page(softly, "followup-tasks", followup + "/tasks", drooping);
        // someone has acted: the alert stops escalating to the on-call list the other tests read
        String alert = system.followup.as("clinician").get("/api/alerts")
                .<List<String>>read("$[?(@.referralId == '" + alerted.id + "')].id").get(0);
        softly.assertThat(system.followup.as("clinician").post("/api/alerts/" + alert + "/acknowledge", "").status())
                .isEqualTo(200);
        softly.assertAll();
    }

    /** Opens the page (unless already there), keeps a screenshot and checks that it names the patient it is about (if any). */
    private static void page(SoftAssertions softly, String name, String url, Patient shown) throws IOException {
        if (url != null) {
            browser.open(url);
        }
        browser.awaitVisible("main");
        browser.screenshot("staff-" + name);
        String text = browser.driver().findElement(By.tagName("main")).getText();
        softly.assertThat(text).as(name + ": the page opens").doesNotContain("There is nothing at this address", "Something went wrong");
        if (shown != null) {
            softly.assertThat(text).as(name + ": names the patient").contains(shown.lastName);
        }
    }

    /** Opens the page, types the patient's last name into its search box and sends it, as staff look for someone. */
    private static void search(SoftAssertions softly, String name, String url, String input, Patient wanted)
            throws IOException {
        browser.open(url);
        browser.awaitVisible("main");
        List<org.openqa.selenium.WebElement> box = browser.driver().findElements(By.id(input));
        softly.assertThat(box).as(name + ": a search box").isNotEmpty();
        if (!box.isEmpty()) {
            box.get(0).sendKeys(wanted.lastName);
            box.get(0).submit();
            browser.await(driver -> !driver.getCurrentUrl().equals(url));
        }
        page(softly, name, null, wanted);
    }

    /** Booked, treated, and the check-in answered from the emailed link with the side effect this label marks. */
    private static Patient treatedAndCheckedIn(String sideEffect) {
        Patient submitted = submit(referral());
        String appointment = system.awaitStatus(submitted.id, "SCHEDULED").read("$.appointment.id");
        Patient patient = new Patient(submitted.id, submitted.lastName, submitted.email, appointment);
        Api.Answer done = system.scheduling.post("/api/appointments/" + appointment + "/complete",
                Doses.preempt("C3391"));
        if (done.status() != 200) {
            throw new IllegalStateException("treatment not recorded: " + done.status());
        }
        MimeMessage mail = system.awaitMail(patient.email, "How are you after your injections?", 1).get(0);
        Matcher link = Pattern.compile("/checkins/[A-Za-z0-9_.-]+").matcher(GreenMailUtil.getBody(mail));
        if (!link.find()) {
            throw new IllegalStateException("no check-in link in the mail");
        }
        browser.open(system.followup.baseUrl() + link.group());
        browser.awaitVisible("form#checkin-form");
        browser.find("label[for=feeling-BETTER]").click();
        browser.fill("headacheDaysSinceVisit", "10");
        browser.find(sideEffect).click();
        browser.find("#submit-checkin").click();
        browser.awaitVisible("#thanks");
        return patient;
    }

    private record Patient(String id, String lastName, String email, String appointment) {
    }

    private record Referral(String body, String lastName, String email) {
    }

    /** An eligible referral whose patient has a last name nobody else in the run has. */
    private static Referral referral() {
        String email = "tour-" + UUID.randomUUID() + "@example.org";
        StringBuilder letters = new StringBuilder("Tour");
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String lastName = letters.toString();
        String body = RunningSystem.eligibleReferral(email)
                .replaceFirst("\"lastName\": \"[^\"]+\"", "\"lastName\": \"" + lastName + "\"");
        return new Referral(body, lastName, email);
    }

    /** Without the migraine-day count the policy asks for: a clinician reviews it. */
    private static Referral withoutMigraineDays(Referral referral) {
        return new Referral(referral.body.replace("\"migraineDaysPerMonth\": 10, ", ""), referral.lastName,
                referral.email);
    }

    private static Patient submit(Referral referral) {
        return new Patient(system.submit(referral.body), referral.lastName, referral.email, null);
    }
}
