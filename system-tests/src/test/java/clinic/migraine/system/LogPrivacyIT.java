package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One patient with values found nowhere else goes all the way through (rejected and accepted submissions, the
 * review, booking, the treatment, the check-in from the emailed link, the pages staff open about them), then every
 * log the system wrote is searched for their name, birth date, email, phone and member id.
 */
class LogPrivacyIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static RunningSystem system;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
    }

    @Test
    void aPatientsWholeJourneyLeavesNoPatientDataInAnyLog() {
        Patient patient = Patient.unlikeAnyoneElse();
        Api intake = system.intake;
        assertThat(intake.post("/api/referrals", patient.referral("1234567890", "18")).status()).isEqualTo(400);
        assertThat(intake.post("/api/referrals", patient.referral("1234567893", "\"eighteen\"")).status()).isEqualTo(400);
        String id = system.submit(patient.referral("1234567893", "18"));
        String appointment = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");
        for (String page : List.of("/referrals/" + id, "/referrals", "/referrals?q=" + patient.lastName)) {
            intake.as("intake").get(page);
        }
        system.scheduling.as("scheduler").get("/board");
        // the name now travels to every service: their pages show it, their logs must not
        system.scheduling.as("scheduler").get("/appointments/" + appointment);
        system.followup.as("scheduler").get("/messages?referral=" + patient.lastName);
        system.followup.as("scheduler").get("/messages?referral=" + id);
        assertThat(system.scheduling.post("/api/appointments/" + appointment + "/complete", Doses.preempt("C3391"))
                .status()).isEqualTo(200);
        String mail = GreenMailUtil.getBody(
                system.awaitMail(patient.email, "How are you after your injections?", 1).get(0));
        Matcher link = Pattern.compile("/checkins/([A-Za-z0-9_.-]+)").matcher(mail);
        assertThat(link.find()).isTrue();
        system.followup.anonymous().get("/checkins/" + link.group(1));
        assertThat(system.followup.anonymous().post("/api/checkins/" + link.group(1), """
                {"neckPainOrStiffness": false, "injectionSitePain": true, "droopingEyelid": false,
                 "troubleSwallowingSpeakingBreathing": false, "headacheDaysLast30": 5}""").status()).isEqualTo(200);
        system.followup.get("/api/messages?patient=" + id);
        // the second cycle's booking is the last thing the flow logs: once it is in the log, so is the rest
        await().atMost(RunningSystem.WAIT).until(() -> SharedSystem.logs().getOrDefault("scheduling-service.log", "")
                .contains("Referral " + id + " cycle 2 booked"));

        Map<String, String> logs = SharedSystem.logs();

        assertThat(logs.keySet()).as("log files").containsAll(StackConfig.SERVICE_PORTS.keySet().stream()
                .map(service -> service + ".log").toList()).contains("kafka.log", "test-jvm.log");
        for (String service : StackConfig.SERVICE_PORTS.keySet()) {
            assertThat(logs.get(service + ".log")).as(service).contains("Started");
        }
        assertThat(logs.get("test-jvm.log")).as("Postgres's own output").contains("[postgres:pid(");
        assertThat(String.join("\n", logs.values())).contains(id);
        logs.forEach((file, log) -> {
            String clinicLog = withoutMailServerLines(log);
            for (Pattern secret : patient.everyWayItCouldBeWritten()) {
                assertThat(secret.matcher(clinicLog).find()).as("%s holds %s", file, secret).isFalse();
            }
        });
    }

    /**
     * The local mail server stands in for the patients' own mail providers, which know their addresses (it logs
     * each new mailbox's address); what it writes is not the clinic's log.
     */
    private static String withoutMailServerLines(String log) {
        return log.lines().filter(line -> !line.contains("com.icegreen.greenmail"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** A patient whose every value is made for this run, so any trace of it in a log came from this test. */
    private record Patient(String firstName, String lastName, LocalDate born, String email, String areaCode,
            String line, String memberId) {

        /** Assigned US area codes: intake refuses a number in one that is not (555-xxxx stays fictional). */
        static final List<String> AREA_CODES = List.of("206", "212", "303", "310", "312", "404", "415", "512",
                "617", "702", "713", "818");

        static Patient unlikeAnyoneElse() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String tag = letters(7);
            return new Patient("Wilhelmina" + letters(5), "Zabriskie" + tag,
                    LocalDate.of(1941 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "w.zabriskie." + tag + "@example.org", AREA_CODES.get(random.nextInt(AREA_CODES.size())),
                    String.valueOf(1000 + random.nextInt(9000)), "ZQ" + (100_000 + random.nextInt(900_000)));
        }

        String phone() {
            return "+1" + areaCode + "555" + line;
        }

        String referral(String npi, String headacheDays) {
            return """
                    {"patient": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s", "email": "%s",
                                 "phone": "%s", "timeZone": "America/Chicago", "preferredChannel": "EMAIL"},
                     "referrer": {"name": "Dr. Kim", "npi": "%s"},
                     "payer": {"policy": "label", "memberId": "%s"},
                     "diagnosisCode": "G43.709",
                     "clinical": {"headacheDaysPerMonth": %s, "migraineDaysPerMonth": 10, "chronicMigraineMonths": 9,
                                  "preventiveTrials": [], "medicationOveruse": "NONE", "onCgrpAntibody": false,
                                  "contraindications": []}}
                    """.formatted(firstName, lastName, born, email, phone(), npi, memberId, headacheDays);
        }

        /** Case-insensitive patterns; numbers only where no other digit touches them (not inside a longer number). */
        List<Pattern> everyWayItCouldBeWritten() {
            List<String> literals = new ArrayList<>(List.of(firstName, lastName, email, memberId));
            List<String> numbers = new ArrayList<>(List.of(phone().substring(1), areaCode + "555" + line,
                    "(" + areaCode + ") 555-" + line, areaCode + "-555-" + line, areaCode + ".555." + line));
            for (String format : List.of("yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "dd/MM/yyyy", "d/M/yyyy",
                    "dd.MM.yyyy", "yyyyMMdd", "MMddyyyy", "d MMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d MMMM yyyy")) {
                numbers.add(DateTimeFormatter.ofPattern(format, Locale.US).format(born));
            }
            numbers.add("[" + born.getYear() + "," + born.getMonthValue() + "," + born.getDayOfMonth() + "]");
            List<Pattern> patterns = new ArrayList<>();
            literals.forEach(text -> patterns.add(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE)));
            numbers.forEach(text -> patterns.add(Pattern.compile("(?<![0-9])" + Pattern.quote(text) + "(?![0-9])",
                    Pattern.CASE_INSENSITIVE)));
            return patterns;
        }

        private static String letters(int count) {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < count; i++) {
                letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
            return letters.toString();
        }
    }
}
