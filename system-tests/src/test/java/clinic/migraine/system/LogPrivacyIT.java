package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.AvroSamples;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;
import clinic.migraine.testsupport.SmsSignatures;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Patients with values found nowhere else go through every kind of journey and the faults on their way: rejected and
 * accepted submissions, booking, the treatment, the check-in from the emailed link and the next cycle; a clinician's
 * review of a payer's prior authorization; a patient reached by SMS who cancels and texts STOP; a withdrawal; a
 * confirmation retried while the mail server refused; an event carrying a patient that is dead-lettered and listed
 * for staff; and the pages staff open about them. Then every log the system wrote is searched for each patient's
 * name, birth date, email, phone and member id, as written, URL-encoded ({@code %40}, {@code %2B}, {@code +} for a
 * space) and formatted ({@code (310) 555-0100}, {@code +1 310 555 0100}, {@code 310.555.0100}, ...).
 */
class LogPrivacyIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static RunningSystem system;
    /** The confirmation that was retried while the mail server refused. */
    private static String retriedMessage;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
    }

    @Test
    void everyKindOfJourneyAndItsFaultsLeaveNoPatientDataInAnyLog() throws Exception {
        Patient treated = Patient.unlikeAnyoneElse("EMAIL");
        Patient reviewed = Patient.unlikeAnyoneElse("EMAIL");
        Patient texted = Patient.unlikeAnyoneElse("SMS");
        Patient withdrawn = Patient.unlikeAnyoneElse("EMAIL");
        Patient retried = Patient.unlikeAnyoneElse("EMAIL");
        Patient deadLettered = Patient.unlikeAnyoneElse("EMAIL");
        List<Patient> everyone = List.of(treated, reviewed, texted, withdrawn, retried, deadLettered);

        String treatedId = treatedWithACheckIn(treated);
        String reviewedId = reviewedByAClinician(reviewed);
        String textedId = textedAndCancelledByThePatient(texted);
        String withdrawnId = withdrawnOnceBooked(withdrawn);
        String retriedId = confirmedAfterTheMailServerCameBack(retried);
        deadLetteredAsAnEventThatMakesNoSense(deadLettered);
        // the second cycle's booking is the last thing the treated patient's flow logs: once it is there, so is the rest
        await().atMost(RunningSystem.WAIT).until(() -> SharedSystem.logs().getOrDefault("scheduling-service.log", "")
                .contains("Referral " + treatedId + " cycle 2 booked"));

        Map<String, String> logs = SharedSystem.logs();

        assertThat(logs.keySet()).as("log files").containsAll(StackConfig.SERVICE_PORTS.keySet().stream()
                .map(service -> service + ".log").toList()).contains("kafka.log", "test-jvm.log");
        for (String service : StackConfig.SERVICE_PORTS.keySet()) {
            assertThat(logs.get(service + ".log")).as(service).contains("Started");
        }
        assertThat(logs.get("test-jvm.log")).as("Postgres's own output").contains("[postgres:pid(");
        String all = String.join("\n", logs.values());
        assertThat(all).contains(treatedId, reviewedId, textedId, withdrawnId)
                .contains("Message " + retriedMessage + " (CONFIRMATION) will be retried")
                .contains("Dead-lettering referral-submitted-", "to error.referral-submitted.eligibility-service");
        // the search itself finds a patient written in each of the ways it looks for
        Patient sample = Patient.unlikeAnyoneElse("EMAIL");
        for (String written : sample.writtenInEveryWay()) {
            assertThat(sample.foundIn("x " + written + " y")).as(written).isNotEmpty();
        }
        logs.forEach((file, log) -> {
            String clinicLog = withoutMailServerLines(log);
            for (Patient patient : everyone) {
                assertThat(patient.foundIn(clinicLog)).as("%s holds patient data", file).isEmpty();
            }
        });
    }

    /** Rejected and accepted submissions, the pages about them, the treatment, the check-in, the next cycle. */
    private static String treatedWithACheckIn(Patient patient) {
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
        return id;
    }

    /** A payer that asks for a prior authorization: held for review, read and searched by a clinician, authorized. */
    private static String reviewedByAClinician(Patient patient) {
        String id = system.submit(patient.referral("commercial-precert", "G43.719", RunningSystem.threeFailedPreventives()));
        system.awaitStatus(id, "NEEDS_REVIEW");
        Api clinician = system.eligibility.as("clinician");
        String review = await().atMost(RunningSystem.WAIT).until(() -> {
            List<String> ids = clinician.get("/api/reviews?status=OPEN").read("$[?(@.referralId == '" + id + "')].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, found -> found != null);
        for (String page : List.of("/reviews", "/reviews/" + review, "/reviews/search?q=" + patient.lastName,
                "/reviews/search?q=" + patient.born)) {
            clinician.get(page);
        }
        clinician.get("/api/reviews/" + review);
        assertThat(clinician.post("/api/reviews/" + review + "/authorization",
                "{\"authorizationNumber\":\"PA-7781\",\"validFrom\":\"" + LocalDate.now() + "\",\"validUntil\":\""
                        + LocalDate.now().plusMonths(6) + "\",\"treatmentsAuthorized\":2}").status()).isEqualTo(200);
        system.awaitStatus(id, "SCHEDULED");
        return id;
    }

    /**
     * A patient reached by text: booked (the confirmation is an SMS), cancelled at their request, then a STOP from
     * their phone through the gateway's signed webhook, written the way the gateway writes it.
     */
    private static String textedAndCancelledByThePatient(Patient patient) throws Exception {
        String id = system.submit(patient.referral("1234567893", "18"));
        String appointment = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");
        await().atMost(RunningSystem.WAIT).until(() -> system.followup.get("/api/messages?patient=" + id).body(),
                body -> body.contains("\"CONFIRMATION\"") && body.contains("\"SMS\"") && body.contains("\"SENT\""));
        system.followup.as("scheduler").get("/messages?referral=" + patient.lastName);
        system.scheduling.as("scheduler").get("/board/search?q=" + patient.lastName);
        system.scheduling.as("scheduler").get("/today");
        assertThat(system.scheduling.post("/api/appointments/" + appointment + "/cancel",
                "{\"reason\":\"patient request\",\"by\":\"PATIENT\"}").status()).isEqualTo(200);
        await().atMost(RunningSystem.WAIT).until(() -> system.scheduling.get("/api/appointments/" + appointment)
                .<String>read("$.status").equals("cancelled"));
        String url = system.followup.baseUrl() + "/api/sms/inbound";
        Map<String, String> form = Map.of("From", patient.phone(), "Body", "STOP");
        HttpResponse<String> stop = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SmsSignatures.sign(SmsSignatures.LOCAL_TOKEN, url, form))
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        return id;
    }

    private static String withdrawnOnceBooked(Patient patient) {
        String id = system.submit(patient.referral("1234567893", "18"));
        system.awaitStatus(id, "SCHEDULED");
        assertThat(system.intake.as("intake").post("/api/referrals/" + id + "/withdraw",
                "{\"reason\": \"moving to another clinic\"}").status()).isEqualTo(200);
        system.awaitStatus(id, "DISCONTINUED");
        return id;
    }

    /** The confirmation is due while the mail server refuses: retried, then sent once it is back. */
    private static String confirmedAfterTheMailServerCameBack(Patient patient) {
        system.stack().mail().pause();
        String id;
        try {
            id = system.submit(patient.referral("1234567893", "18"));
            system.awaitStatus(id, "SCHEDULED");
            retriedMessage = await().atMost(RunningSystem.WAIT).until(() -> {
                List<String> ids = system.followup.get("/api/messages?patient=" + id)
                        .read("$[?(@.kind == 'CONFIRMATION')].id");
                return ids.isEmpty() ? null : ids.get(0);
            }, found -> found != null);
            await().atMost(RunningSystem.WAIT).until(() -> SharedSystem.logs().getOrDefault("followup-service.log", "")
                    .contains("Message " + retriedMessage + " (CONFIRMATION) will be retried"));
        } finally {
            system.stack().mail().resume();
        }
        system.awaitMail(patient.email, "Your migraine treatment visit is booked", 1);
        return id;
    }

    /**
     * A referral-submitted event carrying the patient's data but dated 1900: each consumer dead-letters it, and
     * staff read the dead letters. Neither the refusal nor the listing may write the patient into a log.
     */
    private static void deadLetteredAsAnEventThatMakesNoSense(Patient patient) throws Exception {
        String id = UUID.randomUUID().toString();
        SpecificRecord event = (SpecificRecord) AvroSamples.sample(ReferralSubmitted.getClassSchema());
        event.put(ReferralSubmitted.getClassSchema().getField("referralId").pos(), UUID.fromString(id));
        event.put(ReferralSubmitted.getClassSchema().getField("occurredAt").pos(), Instant.parse("1900-01-01T00:00:00Z"));
        patient.writeInto(event);
        byte[] value;
        try (ConfluentAvroSerializer serializer = new ConfluentAvroSerializer()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, system.stack().registry().ccompatUrl()), false);
            value = serializer.serialize(EventTopic.REFERRAL_SUBMITTED.topicName(), event);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(EventTopic.REFERRAL_SUBMITTED.topicName(), id, value)).get();
        }
        for (Api service : List.of(system.eligibility, system.followup)) {
            await().atMost(RunningSystem.WAIT).until(() -> service.get("/api/dead-letters").body(),
                    body -> body.contains(id));
        }
        for (Api service : List.of(system.intake, system.eligibility, system.scheduling, system.followup)) {
            service.get("/api/dead-letters");
        }
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
            String line, String memberId, String channel) {

        /** Assigned US area codes: intake refuses a number in one that is not (555-xxxx stays fictional). */
        static final List<String> AREA_CODES = List.of("206", "212", "303", "310", "312", "404", "415", "512",
                "617", "702", "713", "818");

        static Patient unlikeAnyoneElse(String channel) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String tag = letters(7);
            return new Patient("Wilhelmina" + letters(5), "Zabriskie" + tag,
                    LocalDate.of(1941 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "w.zabriskie." + tag + "@example.org", AREA_CODES.get(random.nextInt(AREA_CODES.size())),
                    String.valueOf(1000 + random.nextInt(9000)), "ZQ" + (100_000 + random.nextInt(900_000)), channel);
        }

        String phone() {
            return "+1" + areaCode + "555" + line;
        }

        String referral(String npi, String headacheDays) {
            return referral(npi, headacheDays, "label", "G43.709", "");
        }

        String referral(String policy, String code, String trials) {
            return referral("1234567893", "18", policy, code, trials);
        }

        private String referral(String npi, String headacheDays, String policy, String code, String trials) {
            return """
                    {"patient": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s", "email": "%s",
                                 "phone": "%s", "timeZone": "America/Chicago", "preferredChannel": "%s"},
                     "referrer": {"name": "Dr. Kim", "npi": "%s"},
                     "payer": {"policy": "%s", "memberId": "%s"},
                     "diagnosisCode": "%s",
                     "clinical": {"headacheDaysPerMonth": %s, "migraineDaysPerMonth": 10, "chronicMigraineMonths": 9,
                                  "preventiveTrials": [%s], "medicationOveruse": "NONE", "onCgrpAntibody": false,
                                  "contraindications": []}}
                    """.formatted(firstName, lastName, born, email, phone(), channel, npi, policy, memberId, code,
                    headacheDays, trials);
        }

        /** Puts the patient's values into every field of the event (and its nested records) named like one. */
        void writeInto(SpecificRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                Object value = switch (field.name()) {
                    case "firstName" -> firstName;
                    case "lastName" -> lastName;
                    case "email" -> email;
                    case "phone" -> phone();
                    case "memberId" -> memberId;
                    case "dateOfBirth" -> born;
                    default -> null;
                };
                if (value != null) {
                    record.put(field.pos(), value);
                } else if (record.get(field.pos()) instanceof SpecificRecord nested) {
                    writeInto(nested);
                }
            }
        }

        /**
         * Each way a log could hold the patient, written out, for a check of the search: the name alone, together
         * and URL-encoded, the email plain and URL-encoded, the phone in every usual shape, the member id and the
         * birth date.
         */
        List<String> writtenInEveryWay() {
            List<String> ways = new ArrayList<>(List.of(firstName, lastName, firstName + " " + lastName,
                    firstName + "+" + lastName, firstName + "%20" + lastName, lastName + ", " + firstName,
                    firstName.toUpperCase(Locale.ROOT), email, email.replace("@", "%40"),
                    email.replace("@", "%2540"), email.substring(0, email.indexOf('@')), memberId,
                    phone(), phone().replace("+", "%2B"), phone().substring(1), areaCode + "555" + line,
                    "+1 " + areaCode + " 555 " + line, "+1-" + areaCode + "-555-" + line,
                    "+1 (" + areaCode + ") 555-" + line, "(" + areaCode + ") 555-" + line, areaCode + "-555-" + line,
                    areaCode + ".555." + line, areaCode + " 555 " + line, "1 " + areaCode + " 555 " + line,
                    "%2B1%20" + areaCode + "%20555%20" + line, "+1+" + areaCode + "+555+" + line));
            for (String format : DATE_FORMATS) {
                ways.add(DateTimeFormatter.ofPattern(format, Locale.US).format(born));
            }
            ways.add("[" + born.getYear() + "," + born.getMonthValue() + "," + born.getDayOfMonth() + "]");
            return ways;
        }

        static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "dd/MM/yyyy",
                "d/M/yyyy", "dd.MM.yyyy", "yyyyMMdd", "MMddyyyy", "d MMM yyyy", "MMM d, yyyy", "MMMM d, yyyy",
                "d MMMM yyyy");

        /**
         * What of the patient's the text holds, searched in the text as written and URL-decoded (with a plus read as
         * a plus and as a space); empty when nothing.
         */
        List<String> foundIn(String text) {
            List<String> found = new ArrayList<>();
            for (String form : List.of(text, urlDecoded(text, false), urlDecoded(text, true))) {
                for (Pattern secret : patterns()) {
                    if (secret.matcher(form).find()) {
                        found.add(secret.pattern());
                    }
                }
            }
            return found;
        }

        /** Case-insensitive; numbers only where no other digit touches them (not inside a longer number). */
        private List<Pattern> patterns() {
            List<Pattern> patterns = new ArrayList<>();
            for (String text : List.of(firstName, lastName, email, email.substring(0, email.indexOf('@')), memberId)) {
                patterns.add(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE));
            }
            // the phone with or without the country code, in any mix of spaces, dots, dashes and parentheses
            patterns.add(Pattern.compile("(?<![0-9])(?:1[\\s.-]*)?\\(?" + areaCode + "\\)?[\\s.-]*555[\\s.-]*" + line
                    + "(?![0-9])"));
            List<String> dates = new ArrayList<>();
            for (String format : DATE_FORMATS) {
                dates.add(DateTimeFormatter.ofPattern(format, Locale.US).format(born));
            }
            dates.add("[" + born.getYear() + "," + born.getMonthValue() + "," + born.getDayOfMonth() + "]");
            for (String date : dates) {
                patterns.add(Pattern.compile("(?<![0-9])" + Pattern.quote(date) + "(?![0-9])", Pattern.CASE_INSENSITIVE));
            }
            return patterns;
        }

        /** %XX sequences decoded wherever they are well-formed; a plus as a space when asked. */
        private static String urlDecoded(String text, boolean plusIsSpace) {
            String decoded = text;
            for (int round = 0; round < 2; round++) {
                Matcher escapes = Pattern.compile("(?:%[0-9A-Fa-f]{2})+").matcher(decoded);
                StringBuilder out = new StringBuilder();
                while (escapes.find()) {
                    byte[] bytes = new byte[escapes.group().length() / 3];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) Integer.parseInt(escapes.group().substring(3 * i + 1, 3 * i + 3), 16);
                    }
                    escapes.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, StandardCharsets.UTF_8)));
                }
                escapes.appendTail(out);
                decoded = out.toString();
            }
            return plusIsSpace ? decoded.replace('+', ' ') : decoded;
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
