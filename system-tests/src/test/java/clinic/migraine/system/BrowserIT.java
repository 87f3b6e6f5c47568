package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages as staff and patients use them, in headless Chromium against the whole running system: a referral
 * typed into the intake form, a scheduler's week board, a patient's check-in from the emailed link, and a user
 * whose role does not allow a page. Screenshots land in target/screenshots.
 */
class BrowserIT {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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
    void intakeStaffSubmitAReferralInTheFormAndWatchItReachScheduledWithoutReloading() throws IOException {
        browser.signIn(system.intake.baseUrl(), "intake", Api.DEMO_PASSWORD);
        browser.open(system.intake.baseUrl() + "/referrals/new");
        browser.awaitVisible("form#referral-form");
        String lastName = "Okafor-" + letters(6);
        // no migraine-day count: the policy wants it, so a clinician reviews the referral first, and the test
        // decides when it moves on (after the page is open) instead of racing the automatic booking
        fillReferral("Grace", lastName, "grace-" + UUID.randomUUID() + "@example.org", "1234567890");
        // the age as the date of birth is entered, and the codes the chosen payer covers, with their descriptions
        int age = java.time.Period.between(LocalDate.of(1979, 6, 14), LocalDate.now()).getYears();
        browser.await(driver -> browser.find("#patient-age").getText().equals(age + " years old"));
        assertThat(browser.find("#covered-codes").isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("#covered-codes li")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                .hasSize(8).anySatisfy(code -> assertThat(code).startsWith("G43.709").contains("without aura"));
        browser.fill("payer-policy", "workers-comp");
        browser.await(driver -> driver.findElements(By.cssSelector("#covered-codes li")).stream()
                .filter(WebElement::isDisplayed).count() == 4);
        browser.fill("payer-policy", "label");

        browser.find("#submit-referral").click();

        // the message sits in the same wrapper as the input, and the input points to it
        WebElement npiError = browser.await(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(concat(' ', normalize-space(@class), ' '), ' field-error ')]"
                        + "[../descendant::*[@id='referrer-npi']]")));
        assertThat(npiError.getText()).contains("NPI");
        WebElement npi = browser.find("#referrer-npi");
        assertThat(npi.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(npi.getDomAttribute("aria-describedby")).contains(npiError.getDomAttribute("id"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/referrals/new");
        browser.screenshot("intakeStaffSubmitAReferral-inline-error");

        browser.fill("referrer-npi", "1234567893");
        browser.find("#submit-referral").click();

        browser.await(ExpectedConditions.urlMatches("/referrals/" + UUID_PATTERN + "$"));
        String id = browser.driver().getCurrentUrl().replaceAll(".*/referrals/", "");
        assertThat(system.intake.get("/api/referrals/" + id).<String>read("$.patient.lastName")).isEqualTo(lastName);
        awaitStatusShown("NEEDS_REVIEW");
        browser.markDocument();
        browser.screenshot("intakeStaffSubmitAReferral-needs-review");

        decideEligible(id);

        awaitStatusShown("SCHEDULED");
        assertThat(browser.notReloaded()).as("the referral page updated itself, without a reload").isTrue();
        browser.await(driver -> !browser.find("#timeline").getText().isBlank());
        browser.await(driver -> browser.find("#audit").getText().contains("intake"));
    }

    @Test
    void aSchedulersBoardShowsANewBookingAppearWithoutAReload() {
        LocalDate earliest = plusBusinessDays(LocalDate.now(CLINIC_ZONE), 2);
        Api.Answer slots = system.scheduling.get("/api/slots?from=" + earliest + "&to=" + earliest.plusDays(27));
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        String provider = slots.<List<String>>read("$[*].providerId").get(0);
        OffsetDateTime firstFree = OffsetDateTime.parse(slots.<List<String>>read("$[*].start").get(0));
        browser.signIn(system.scheduling.baseUrl(), "scheduler", Api.DEMO_PASSWORD);
        browser.open(system.scheduling.baseUrl() + "/board?providerId=" + provider + "&week="
                + firstFree.atZoneSameInstant(CLINIC_ZONE).toLocalDate());
        browser.awaitVisible("#board");
        browser.markDocument();

        String id = system.submit(RunningSystem.eligibleReferral("board-" + UUID.randomUUID() + "@example.org"));

        String bookedCell = "td.booked[data-referral-id='" + id + "']";
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(bookedCell)));
        assertThat(browser.notReloaded()).as("the board updated itself, without a reload").isTrue();
        Api.Answer referral = system.awaitStatus(id, "SCHEDULED");
        assertThat(referral.<String>read("$.appointment.providerId")).isEqualTo(provider);
        assertThat(OffsetDateTime.parse(referral.read("$.appointment.start")).toInstant())
                .isEqualTo(firstFree.toInstant());
        // the board may have refreshed again meanwhile: read the cell afresh
        browser.await(driver -> !browser.find(bookedCell).getText().isBlank());
    }

    @Test
    void aSchedulerFindsAPatientByNameAndReschedulesFromTheBoard() throws IOException {
        String email = "find-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(RunningSystem.eligibleReferral(email));
        Api.Answer scheduled = system.awaitStatus(id, "SCHEDULED");
        String lastName = scheduled.read("$.patient.lastName");
        String appointment = scheduled.read("$.appointment.id");
        String bornOn = scheduled.read("$.patient.dateOfBirth");

        browser.signIn(system.scheduling.baseUrl(), "scheduler", Api.DEMO_PASSWORD);
        browser.open(system.scheduling.baseUrl() + "/board");
        browser.fill("patient-q", bornOn);
        browser.find("#patient-search button[type=submit]").click();
        WebElement found = browser.awaitVisible("#found li[data-referral-id='" + id + "']");
        assertThat(found.findElement(By.cssSelector(".patient-name")).getText()).isEqualTo(lastName + ", Ana");
        assertThat(found.findElement(By.cssSelector(".patient-phone")).getText()).startsWith("+1310555");
        browser.screenshot("aSchedulerFindsAPatient-found");
        found.findElement(By.cssSelector("a.visit")).click();

        browser.awaitVisible("form#reschedule-form");
        assertThat(browser.find("#patient .patient-name").getText()).isEqualTo(lastName + ", Ana");
        List<WebElement> times = browser.driver().findElements(By.cssSelector("select#start option[value]"))
                .stream().filter(option -> !option.getDomAttribute("value").isEmpty()).toList();
        String target = times.get(times.size() - 1).getDomAttribute("value");
        browser.fill("start", target);
        browser.find("#reschedule-form button[type=submit]").click();
        browser.await(driver -> browser.find("#notice").getText().startsWith("Moved to"));
        assertThat(OffsetDateTime.parse(system.scheduling.get("/api/appointments/" + appointment)
                .read("$.start")).toInstant()).isEqualTo(OffsetDateTime.parse(target).toInstant());
    }

    @Test
    void theDaysListUpdatesWhenTheVisitIsCheckedInOnAnotherPage() throws IOException {
        String id = system.submit(RunningSystem.eligibleReferral("today-" + UUID.randomUUID() + "@example.org"));
        Api.Answer scheduled = system.awaitStatus(id, "SCHEDULED");
        String appointment = scheduled.read("$.appointment.id");
        String lastName = scheduled.read("$.patient.lastName");
        // automatic bookings are two working days ahead at the earliest: the list of that day, the same page as
        // Today with the day picked, the way the front desk looks at tomorrow's visits
        LocalDate day = OffsetDateTime.parse(scheduled.<String>read("$.appointment.start"))
                .atZoneSameInstant(CLINIC_ZONE).toLocalDate();
        browser.signIn(system.scheduling.baseUrl(), "scheduler", Api.DEMO_PASSWORD);
        browser.open(system.scheduling.baseUrl() + "/today?day=" + day);
        String row = "#today tr[data-appointment-id='" + appointment + "']";
        assertThat(browser.awaitVisible(row + " .patient-name").getText()).isEqualTo(lastName + ", Ana");
        assertThat(browser.find(row).getDomAttribute("data-status")).isEqualTo("booked");
        browser.markDocument();
        String list = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(system.scheduling.baseUrl() + "/appointments/" + appointment);
        browser.find("#check-in-form button[type=submit]").click();
        browser.await(driver -> "arrived".equals(system.scheduling.get("/api/appointments/" + appointment)
                .read("$.status")));
        browser.driver().close();
        browser.driver().switchTo().window(list);

        browser.await(driver -> "arrived".equals(browser.find(row).getDomAttribute("data-status")));
        assertThat(browser.find(row + " a[href$='/appointments/" + appointment + "']").getText())
                .isEqualTo("Record the treatment");
        assertThat(browser.notReloaded()).as("the list updated itself, without a reload").isTrue();
        browser.screenshot("theDaysListUpdates-checked-in");
    }

    @Test
    void aPatientAnswersTheCheckInFromTheEmailedLinkWithoutSigningIn() {
        String email = "checkin-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(RunningSystem.eligibleReferral(email));
        String appointment = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");
        Api.Answer completed = system.scheduling.post("/api/appointments/" + appointment + "/complete",
                Doses.preempt("C3391"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        MimeMessage mail = system.awaitMail(email, "How are you after your injections?", 1).get(0);
        Matcher link = Pattern.compile("/checkins/[A-Za-z0-9_.-]+").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a check-in link in the mail").isTrue();

        browser.open(system.followup.baseUrl() + link.group());
        browser.awaitVisible("form#checkin-form");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
        answerCheckIn(4);
        browser.find("#submit-checkin").click();

        assertThat(browser.awaitVisible("#thanks").getText()).isNotBlank();
        // 4 headache days instead of 18: the treatment helped, so the second cycle is booked
        await().atMost(RunningSystem.WAIT).until(() -> system.intake.get("/api/referrals/" + id),
                answer -> "SCHEDULED".equals(answer.read("$.status"))
                        && Integer.valueOf(2).equals(answer.read("$.appointment.cycle")));
    }

    @Test
    void aClinicianRecordsTheDoseFromThePlanAndDoubleVisionReportedAfterwardsEscalatesUntilAcknowledged()
            throws IOException {
        String email = "dose-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(RunningSystem.eligibleReferral(email));
        String appointment = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");

        browser.signIn(system.scheduling.baseUrl(), "clinician", Api.DEMO_PASSWORD);
        browser.open(system.scheduling.baseUrl() + "/appointments/" + appointment);
        browser.awaitVisible("form#complete-form");
        assertThat(browser.find("#dose-total-units").getText()).isEqualTo("155");
        assertThat(browser.find("#dose-total-injections").getText()).isEqualTo("31");
        assertThat(browser.find("#dose-warning").isDisplayed()).isFalse();
        WebElement temporalis = browser.find("input[name='sites[3].units']");
        temporalis.clear();
        temporalis.sendKeys("80");
        browser.await(driver -> browser.find("#dose-total-units").getText().equals("195"));
        assertThat(browser.awaitVisible("#dose-warning").getText()).contains("More than the PREEMPT plan");
        temporalis.clear();
        temporalis.sendKeys("81");
        browser.await(driver -> browser.find("#dose-warning").getText().contains("give a reason"));
        browser.screenshot("aClinicianRecordsTheDose-above-the-maximum");
        temporalis.clear();
        temporalis.sendKeys("40");
        browser.await(driver -> !browser.find("#dose-warning").isDisplayed());
        browser.fill("lot", "C3391");
        browser.fill("lotExpiry", "2030-01-31");
        browser.fill("wastedUnits", "0");
        browser.find("#complete-form button[type=submit]").click();

        assertThat(browser.awaitVisible("#record-billing").getText()).isEqualTo("J0585-JZ × 155");
        assertThat(browser.find("#record-total").getText()).startsWith("155 U at 31 injection sites");
        assertThat(browser.find("#status").getText()).isEqualTo("Treated");
        browser.screenshot("aClinicianRecordsTheDose-recorded");

        MimeMessage mail = system.awaitMail(email, "How are you after your injections?", 1).get(0);
        Matcher link = Pattern.compile("/checkins/[A-Za-z0-9_.-]+").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a check-in link in the mail").isTrue();
        browser.open(system.followup.baseUrl() + link.group());
        browser.awaitVisible("form#checkin-form");
        answerCheckIn(10);
        browser.find("label[for=effect-vision]").click();
        browser.find("#submit-checkin").click();
        browser.awaitVisible("#thanks");

        // nobody acknowledges: the on-call list is told, again and again
        // the on-call list is shared: other tests' alerts escalate to it too, so count this referral's only
        List<MimeMessage> escalations = await().atMost(RunningSystem.WAIT).until(() -> system
                .mailTo("on-call@migraine-clinic.test").stream()
                .filter(m -> RunningSystem.subject(m).equals("URGENT, NOT ACKNOWLEDGED: possible toxin spread reported"))
                .filter(m -> GreenMailUtil.getBody(m).contains(id)).toList(), found -> found.size() >= 2);
        assertThat(GreenMailUtil.getBody(escalations.get(0))).contains(id).doesNotContain(email);
        String alert = await().atMost(RunningSystem.WAIT).until(() -> system.followup.as("clinician")
                .get("/api/alerts").<List<String>>read("$[?(@.referralId == '" + id + "')].id"),
                ids -> !ids.isEmpty()).get(0);
        // counted once each escalation is marked sent, a moment after its mail arrived
        await().atMost(RunningSystem.WAIT).until(() -> system.followup.as("clinician").get("/api/alerts")
                .<List<Integer>>read("$[?(@.referralId == '" + id + "')].escalationsSent").get(0), sent -> sent >= 2);
        // the alert says whom to call, and the number, before anything else
        String lastName = system.intake.get("/api/referrals/" + id).read("$.patient.lastName");
        browser.signIn(system.followup.baseUrl(), "clinician", Api.DEMO_PASSWORD);
        browser.open(system.followup.baseUrl() + "/alerts");
        WebElement row = browser.awaitVisible("#alert-" + alert);
        assertThat(row.findElement(By.cssSelector(".patient-name")).getText()).isEqualTo(lastName + ", Ana");
        assertThat(row.findElement(By.cssSelector(".patient-phone")).getDomAttribute("href")).startsWith("tel:+1310555");
        browser.screenshot("aClinicianOpensTheUrgentAlert-who-to-call");
        assertThat(system.followup.as("clinician").post("/api/alerts/" + alert + "/acknowledge", "").status())
                .isEqualTo(200);
    }

    @Test
    void aUserWhoseRoleDoesNotAllowAPageIsRefusedAndNobodyGetsInWithoutSigningIn() throws IOException {
        browser.open(system.intake.baseUrl() + "/referrals/new");
        browser.await(ExpectedConditions.urlMatches("/login$"));
        assertThat(browser.find("#username").isDisplayed()).isTrue();

        browser.fill("username", "intake");
        browser.fill("password", "not-the-password");
        browser.find("button[type=submit]").click();
        browser.await(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.find("[role=alert]").getText()).isNotBlank();
        browser.screenshot("aUserWhoseRoleDoesNotAllowAPage-wrong-password");

        browser.signIn(system.intake.baseUrl(), "scheduler", Api.DEMO_PASSWORD);
        browser.open(system.intake.baseUrl() + "/referrals/new");

        assertThat(browser.awaitVisible("h1").getText()).isEqualTo("Not allowed");
        assertThat(browser.driver().getTitle()).startsWith("403");
        assertThat(browser.driver().findElements(By.id("referral-form"))).isEmpty();
    }

    private static void fillReferral(String firstName, String lastName, String email, String npi) {
        browser.fill("patient-firstName", firstName);
        browser.fill("patient-lastName", lastName);
        browser.fill("patient-dateOfBirth", "1979-06-14");
        browser.fill("patient-email", email);
        browser.fill("patient-phone", "+13105550142");
        browser.fill("patient-timeZone", "America/Los_Angeles");
        browser.fill("patient-preferredChannel", "EMAIL");
        browser.fill("referrer-name", "Dr. Imani Brooks");
        browser.fill("referrer-npi", npi);
        browser.fill("payer-policy", "label");
        browser.fill("payer-memberId", "MB-" + letters(5));
        browser.fill("diagnosisCode", "G43.709");
        browser.fill("clinical-headacheDaysPerMonth", "18");
        browser.fill("clinical-chronicMigraineMonths", "9");
        browser.chooseIfPresent("clinical-medicationOveruse", "NONE");
        browser.chooseIfPresent("clinical-onCgrpAntibody", "false");
    }

    /** Feeling better, no side effects, and this many headache days since the visit. */
    private static void answerCheckIn(int headacheDays) {
        browser.find("label[for=feeling-BETTER]").click();
        browser.fill("headacheDaysSinceVisit", String.valueOf(headacheDays));
    }

    private static void awaitStatusShown(String status) {
        browser.await(driver -> {
            WebElement shown = browser.find("#status");
            return shown.getText().replace(' ', '_').equalsIgnoreCase(status)
                    || List.of(String.valueOf(shown.getDomAttribute("class")).split("\\s+")).contains(status);
        });
    }

    private static void decideEligible(String referralId) {
        String review = await().atMost(RunningSystem.WAIT).until(() -> {
            List<String> ids = system.eligibility.get("/api/reviews?status=OPEN")
                    .read("$[?(@.referralId == '" + referralId + "')].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, found -> found != null);
        Api.Answer decided = system.eligibility.post("/api/reviews/" + review + "/decision",
                "{\"outcome\":\"ELIGIBLE\",\"note\":\"Migraine days confirmed by phone\",\"clinician\":\"Dr. Shah\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private static LocalDate plusBusinessDays(LocalDate day, int businessDays) {
        LocalDate result = day;
        for (int added = 0; added < businessDays; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
