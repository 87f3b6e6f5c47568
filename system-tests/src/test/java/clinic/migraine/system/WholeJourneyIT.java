package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static clinic.migraine.testsupport.RunningSystem.referral;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.events.EventTopic;
import clinic.migraine.serde.ConfluentAvroDeserializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.stack.Stack;
import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.KafkaOffsets;
import clinic.migraine.testsupport.RunningSystem;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * The whole system on real processes (the same launcher as ./run-local, on free ports), checked only through
 * public APIs, mail and topics. Follow-up offsets are shortened to seconds; dates stay real.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeJourneyIT {

    private static final Duration WAIT = RunningSystem.WAIT;
    private static final Path LOGS = Path.of("target/stack-logs").toAbsolutePath();
    private static RunningSystem system;
    private static Stack stack;
    private static Api intake;
    private static Api eligibility;
    private static Api scheduling;
    private static Api followup;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.start(LOGS, Map.of());
        stack = system.stack();
        intake = system.intake;
        eligibility = system.eligibility;
        scheduling = system.scheduling;
        followup = system.followup;
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anEligibleReferralIsBookedAndThePatientGetsAnInvitation() throws Exception {
        String email = "ana-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "label", "G43.709", ""));

        Api.Answer referral = system.awaitStatus(id, "SCHEDULED");

        assertThat(referral.<String>read("$.eligibility.outcome")).isEqualTo("ELIGIBLE");
        assertThat(referral.<String>read("$.appointment.location")).isEqualTo("Marina Del Rey");
        List<String> inbox = awaitImapInbox(email, 1);
        assertThat(inbox.get(0)).contains("Your migraine treatment visit is booked").contains("BEGIN:VEVENT")
                .contains("text/calendar");
    }

    @Test
    void aNotEligibleReferralShowsItsReasonsAndNothingIsBookedOrSent() {
        String email = "ben-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "label", "G43.909", ""));

        Api.Answer referral = system.awaitStatus(id, "NOT_ELIGIBLE");

        assertThat(referral.<List<String>>read("$.eligibility.reasons[*].code")).containsExactly("DIAGNOSIS_NOT_COVERED");
        assertThat(referral.<List<String>>read("$.timeline[*].summary"))
                .anySatisfy(summary -> assertThat(summary).contains("NOT_ELIGIBLE (DIAGNOSIS_NOT_COVERED)"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> system.mailTo(email).isEmpty() && intake.get("/api/referrals/" + id).body().contains("\"appointment\":null"));
    }

    @Test
    void aPriorAuthorizationCaseIsReviewedAuthorizedAndBooked() {
        String email = "cara-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "commercial-precert", "G43.719", RunningSystem.threeFailedPreventives()));
        system.awaitStatus(id, "NEEDS_REVIEW");
        String reviewId = await().atMost(WAIT).until(() -> {
            List<String> ids = eligibility.get("/api/reviews?status=OPEN").read("$[?(@.referralId == '" + id + "')].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, found -> found != null);

        // the decider is the signed-in account, whatever name the body gives
        Api.Answer authorized = eligibility.as("clinician").post("/api/reviews/" + reviewId + "/authorization",
                "{\"authorizationNumber\":\"PA-2231\",\"validFrom\":\"" + LocalDate.now() + "\",\"validUntil\":\""
                        + LocalDate.now().plusMonths(6) + "\",\"treatmentsAuthorized\":2,\"clinician\":\"Dr. Shah\"}");

        assertThat(authorized.status()).isEqualTo(200);
        Api.Answer referral = system.awaitStatus(id, "SCHEDULED");
        assertThat(referral.<List<String>>read("$.timeline[*].summary"))
                .anySatisfy(summary -> assertThat(summary).contains("ELIGIBLE under commercial-precert").contains("clinician")
                        .doesNotContain("Dr. Shah"));
    }

    @Test
    void aPatientGoesThroughTwoCyclesAndTheCourseEndsWhenItDoesNotHelpEnough() {
        String email = "dana-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "nice", "G43.709", RunningSystem.threeFailedPreventives()));
        String first = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");
        OffsetDateTime firstStart = OffsetDateTime.parse(intake.get("/api/referrals/" + id).read("$.appointment.start"));

        assertThat(scheduling.as("clinician").post("/api/appointments/" + first + "/complete", Doses.preempt("C3391")).status())
                .isEqualTo(200);
        system.awaitStatus(id, "IN_TREATMENT");
        answerCheckIn(email, 1, 17);

        Api.Answer second = system.awaitStatus(id, "SCHEDULED");
        assertThat(second.<Integer>read("$.appointment.cycle")).isEqualTo(2);
        LocalDate secondDay = OffsetDateTime.parse(second.read("$.appointment.start")).toLocalDate();
        assertThat(secondDay).isAfterOrEqualTo(firstStart.toLocalDate().plusDays(84));

        assertThat(scheduling.as("clinician").post("/api/appointments/" + second.read("$.appointment.id") + "/complete",
                Doses.preempt("C3392")).status())
                .isEqualTo(200);
        answerCheckIn(email, 2, 17);

        // the rules would stop here; ending the course is a clinician's act, and only then is the patient told
        String endReview = await().atMost(WAIT).until(() -> {
            List<String> ids = eligibility.get("/api/reviews?status=OPEN")
                    .read("$[?(@.referralId == '" + id + "' && @.cycle == 3)].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, found -> found != null);
        assertThat(eligibility.get("/api/reviews/" + endReview).<Boolean>read("$.confirmsEndOfCourse")).isTrue();
        assertThat(system.mailTo(email)).extracting(RunningSystem::subject).doesNotContain("Your treatment course");
        assertThat(eligibility.as("clinician").post("/api/reviews/" + endReview + "/decision",
                "{\"outcome\":\"NOT_ELIGIBLE\",\"note\":\"little benefit after two cycles, discussed\"}").status())
                .isEqualTo(200);

        Api.Answer ended = system.awaitStatus(id, "DISCONTINUED");
        assertThat(ended.<String>read("$.eligibility.outcome")).isEqualTo("NOT_ELIGIBLE");
        assertThat(ended.<List<String>>read("$.eligibility.reasons[*].code")).containsExactly("INSUFFICIENT_RESPONSE");
        assertThat(ended.<Object>read("$.appointment")).isNull();
        system.awaitMail(email, "Your treatment course", 1);
    }

    /**
     * Every record on every event topic, read to its end offset on every partition, decodes with the registry into
     * its topic's event type; and the registry itself refuses a schema that is not BACKWARD compatible.
     */
    @Test
    void everyEventOnEveryTopicDecodesWithTheRegistryWhichIsBackward() {
        String id = system.submit(referral("eve-" + UUID.randomUUID() + "@example.org", "label", "G43.709", ""));
        system.awaitStatus(id, "SCHEDULED");
        String registry = stack.registry().ccompatUrl();
        List<String> names = Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toList();
        Map<TopicPartition, Long> ends;
        try (KafkaOffsets offsets = new KafkaOffsets(stack.kafka().bootstrapServers())) {
            assertThat(offsets.eventTopics()).as("the event topics on the broker, one per EventTopic")
                    .containsExactlyInAnyOrderElementsOf(names);
            ends = offsets.endOffsets(names);
        }
        Map<String, Integer> decoded = new TreeMap<>();
        Map<String, Long> written = new TreeMap<>();
        ends.forEach((partition, end) -> written.merge(partition.topic(), end, Long::sum));
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "decoder-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registry))) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    EventTopic topic = EventTopic.forTopicName(record.topic()).orElseThrow();
                    assertThat(record.value()).as("%s offset %d", record.topic(), record.offset())
                            .isInstanceOf(topic.eventType());
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        decoded.merge(record.topic(), 1, Integer::sum);
                    }
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        Map<String, Long> decodedAsLong = new TreeMap<>();
        written.forEach((topic, count) -> decodedAsLong.put(topic, (long) decoded.getOrDefault(topic, 0)));
        assertThat(decodedAsLong).as("records decoded per topic, all %d topics", names.size()).isEqualTo(written);
        assertThat(decoded).as("topics a booked referral writes").containsKeys(EventTopic.REFERRAL_SUBMITTED.topicName(),
                EventTopic.ELIGIBILITY_DETERMINED.topicName(), EventTopic.APPOINTMENT_BOOKED.topicName(),
                EventTopic.PATIENT_NOTIFIED.topicName());

        Api registryApi = new Api(registry);
        String subject = EventTopic.REFERRAL_SUBMITTED.valueSubject();
        Schema known = SpecificData.get().getSchema(EventTopic.REFERRAL_SUBMITTED.eventType());
        String withRequiredField = schemaRequest(withField(known, new Schema.Field("requiredWithoutDefault",
                Schema.create(Schema.Type.STRING))));
        String withOptionalField = schemaRequest(withField(known, new Schema.Field("optionalWithDefault",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
                Schema.Field.NULL_DEFAULT_VALUE)));
        Api.Answer incompatible = registryApi.post("/compatibility/subjects/" + subject + "/versions/latest", withRequiredField);
        Api.Answer compatible = registryApi.post("/compatibility/subjects/" + subject + "/versions/latest", withOptionalField);
        Api.Answer registered = registryApi.post("/subjects/" + subject + "/versions", withRequiredField);
        assertThat(incompatible.status()).as(incompatible.body()).isEqualTo(200);
        assertThat(incompatible.<Boolean>read("$.is_compatible")).as("is_compatible for a new field without a default").isFalse();
        assertThat(compatible.<Boolean>read("$.is_compatible")).as("is_compatible for a new optional field").isTrue();
        assertThat(registered.status()).as("registering the incompatible schema: %s", registered.body()).isEqualTo(409);
    }

    private static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(added);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    /** The registry's request body: the schema as one JSON string. */
    private static String schemaRequest(Schema schema) {
        return "{\"schema\": \"" + schema.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    @Test
    void oneReferralIsFollowedAcrossTheServicesByItsTraceIdAndTheLogsHoldNoPatientData() throws IOException {
        String email = "tara-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "label", "G43.709", ""));
        system.awaitStatus(id, "SCHEDULED");

        Map<String, String> traceIds = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(EventTopic.REFERRAL_SUBMITTED.topicName(),
                    EventTopic.ELIGIBILITY_DETERMINED.topicName(), EventTopic.APPOINTMENT_BOOKED.topicName()));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header parent = record.headers().lastHeader("traceparent");
                    if (id.equals(record.key()) && parent != null) {
                        traceIds.put(record.topic(), new String(parent.value(), StandardCharsets.UTF_8).split("-")[1]);
                    }
                }
                return traceIds.size() == 3;
            });
        }
        assertThat(traceIds.values()).as("trace id per topic %s", traceIds).containsOnly(traceIds.values().iterator().next());
        String traceId = traceIds.values().iterator().next();
        await().atMost(WAIT).untilAsserted(() -> {
            for (String service : StackConfig.SERVICE_PORTS.keySet()) {
                assertThat(Files.readString(LOGS.resolve(service + ".log"))).as(service).contains(traceId);
            }
        });
        for (String service : StackConfig.SERVICE_PORTS.keySet()) {
            assertThat(Files.readString(LOGS.resolve(service + ".log"))).as(service).doesNotContain(email);
        }
    }

    @Test
    void reschedulingAndCancellingFromTheSchedulerApiMoveAndCancelTheReminders() {
        String email = "finn-" + UUID.randomUUID() + "@example.org";
        String id = system.submit(referral(email, "label", "G43.709", ""));
        String appointment = system.awaitStatus(id, "SCHEDULED").read("$.appointment.id");
        String later = scheduling.get("/api/slots?providerId=prov-2&from=" + LocalDate.now().plusDays(20) + "&to="
                + LocalDate.now().plusDays(27)).<List<String>>read("$[*].start").get(0);

        Api.Answer moved = scheduling.post("/api/appointments/" + appointment + "/reschedule",
                "{\"start\":\"" + later + "\",\"providerId\":\"prov-2\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        system.awaitMail(email, "Your treatment visit has moved", 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(followup.get("/api/messages?patient=" + id)
                .<List<String>>read("$[?(@.kind == 'REMINDER' && @.status == 'PLANNED')].label"))
                .hasSize(2).allSatisfy(label -> assertThat(label).endsWith(OffsetDateTime.parse(later).toInstant().toString())));

        assertThat(scheduling.post("/api/appointments/" + appointment + "/cancel",
                "{\"reason\":\"patient request\",\"by\":\"PATIENT\"}").status()).isEqualTo(200);
        system.awaitMail(email, "Your treatment visit is cancelled", 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(followup.get("/api/messages?patient=" + id)
                .<List<String>>read("$[?(@.kind == 'REMINDER' && @.status == 'PLANNED')].label")).isEmpty());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aServiceKilledMidBurstLosesNothingAndDoublesNothing() {
        List<String> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (i == 15) {
                stack.services().get("scheduling-service").process().kill();
            }
            String email = "burst-" + i + "-" + UUID.randomUUID() + "@example.org";
            emails.add(email);
            ids.add(system.submit(referral(email, "label", "G43.709", "")));
        }
        stack.restart("scheduling-service");

        for (String id : ids) {
            system.awaitStatus(id, "SCHEDULED");
        }
        List<String> referrals = new ArrayList<>();
        List<String> providers = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        String page = "/api/appointments?status=booked&from=" + LocalDate.now() + "&to=" + LocalDate.now().plusDays(120);
        while (page != null) {
            Api.Answer appointments = scheduling.get(page);
            assertThat(appointments.status()).as(appointments.body()).isEqualTo(200);
            referrals.addAll(appointments.<List<String>>read("$.items[*].referralId"));
            providers.addAll(appointments.<List<String>>read("$.items[*].providerId"));
            starts.addAll(appointments.<List<String>>read("$.items[*].start"));
            page = appointments.read("$.next");
        }
        for (String id : ids) {
            assertThat(referrals.stream().filter(id::equals)).as("appointments of " + id).hasSize(1);
        }
        List<String> providerSlots = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            providerSlots.add(providers.get(i) + "@" + starts.get(i));
        }
        assertThat(providerSlots).doesNotHaveDuplicates();
        for (String email : emails) {
            system.awaitMail(email, "Your migraine treatment visit is booked", 1);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> emails.stream()
                .allMatch(email -> system.mailTo(email).size() == 1));
    }

    /** Answers the check-in of the given cycle from the link in the patient's mail. */
    private static void answerCheckIn(String email, int cycle, int headacheDays) {
        MimeMessage mail = system.awaitMail(email, "How are you after your injections?", cycle).get(cycle - 1);
        Matcher link = Pattern.compile("/checkins/([A-Za-z0-9_.-]+)").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        Api.Answer answer = followup.post("/api/checkins/" + link.group(1), """
                {"neckPainOrStiffness": true, "injectionSitePain": false, "droopingEyelid": false,
                 "troubleSwallowingSpeakingBreathing": false, "headacheDaysLast30": %d}""".formatted(headacheDays));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Reads the patient's inbox over IMAP, logging in as the patient (any password). */
    private static List<String> awaitImapInbox(String email, int atLeast) {
        return await().atMost(WAIT).until(() -> {
            Properties imap = new Properties();
            imap.put("mail.imap.host", "127.0.0.1");
            imap.put("mail.imap.port", String.valueOf(stack.mail().imapPort()));
            List<String> messages = new ArrayList<>();
            try (Store store = Session.getInstance(imap).getStore("imap")) {
                store.connect(email, "any password");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    messages.add(GreenMailUtil.getWholeMessage(message));
                }
                inbox.close(false);
            }
            return messages;
        }, messages -> messages.size() >= atLeast);
    }

}
