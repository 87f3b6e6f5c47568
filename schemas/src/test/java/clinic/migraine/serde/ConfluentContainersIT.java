package clinic.migraine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.DrugClass;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.Payer;
import clinic.migraine.events.PreventiveTrial;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.TrialResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The serde against Confluent's own images, the ones docker-compose.yml runs: proof that it speaks Confluent's
 * registry and not only Apicurio's imitation of it. The whole {@link RegistrySerdeContract} runs here too, and
 * on top of it a full referral event goes through Confluent's registry and broker. Skipped where there is no
 * Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentContainersIT extends RegistrySerdeContract {

    private static final Network NETWORK = Network.newNetwork();
    private static final int REGISTRY_PORT = 8081;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer(
            DockerImageName.parse("confluentinc/cp-kafka:7.9.1"))
            .withNetwork(NETWORK)
            .withNetworkAliases("kafka")
            // a listener the registry reaches on the container network; the host uses the mapped port
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>(
            DockerImageName.parse("confluentinc/cp-schema-registry:7.9.1"))
            .withNetwork(NETWORK)
            .withNetworkAliases("schema-registry")
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forPort(REGISTRY_PORT).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(2)));

    @Override
    String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(REGISTRY_PORT);
    }

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Test
    void aReferralTravelsThroughConfluentsRegistryAndBrokerUnderItsTopicsValueSubject() throws Exception {
        String topic = EventTopic.REFERRAL_SUBMITTED.topicName();
        String subject = EventTopic.REFERRAL_SUBMITTED.valueSubject();
        ReferralSubmitted sent = referral();
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()), false);

        byte[] bytes = serializer.serialize(topic, sent);

        // Confluent's registry, asked directly and not through the serde's client: the subject is there, its
        // latest version is the event's schema, and that version's id is the one the record carries
        assertThat(registry("subjects")).extracting(JsonNode::asText).contains(subject);
        JsonNode latest = registry("subjects/" + encode(subject) + "/versions/latest");
        assertThat(latest.get("subject").asText()).isEqualTo(subject);
        int id = latest.get("id").asInt();
        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id in bytes 1-4").isEqualTo(id);
        Schema stored = new Schema.Parser().parse(registry("schemas/ids/" + id).get("schema").asText());
        assertThat(SchemaNormalization.parsingFingerprint64(stored))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(ReferralSubmitted.getClassSchema()));

        createTopic(topic);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, sent.getReferralId().toString(), bytes)).get(30, TimeUnit.SECONDS);
        }
        List<SpecificRecord> received = consume(topic, 1);

        assertThat(received).containsExactly(sent);
    }

    @Test
    void confluentsRegistryRefusesAnIncompatibleReferralSchemaThroughTheSerdesClient() throws Exception {
        String subject = "incompatible-referral-" + UUID.randomUUID() + "-value";
        String current = ReferralSubmitted.getClassSchema().toString();
        // a required field without a default: readers with it cannot read what was written without it
        String breakingText = current.replace("{\"name\":\"diagnosisCode\"",
                "{\"name\":\"referringClinician\",\"type\":\"string\"},{\"name\":\"diagnosisCode\"");
        assertThat(breakingText).as("the field was added").isNotEqualTo(current);
        Schema breaking = new Schema.Parser().parse(breakingText);
        SchemaRegistryClient client = new SchemaRegistryClient(registryUrl(), Duration.ofSeconds(10));
        int first = client.register(subject, ReferralSubmitted.getClassSchema());

        assertThatThrownBy(() -> client.register(subject, breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isIncompatible()).isTrue();
                });

        assertThat(registry("subjects/" + encode(subject) + "/versions")).extracting(JsonNode::asInt)
                .as("only the first version was kept").containsExactly(1);
        assertThat(registry("subjects/" + encode(subject) + "/versions/latest").get("id").asInt()).isEqualTo(first);
    }

    private static ReferralSubmitted referral() {
        return ReferralSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReferralId(UUID.randomUUID())
                .setPatientId(UUID.randomUUID())
                .setDateOfBirth(LocalDate.of(1984, 3, 9))
                .setContact(ReferralContact.newBuilder().setEmail("ana@example.org").setPhone("+13105550123")
                        .setTimeZone("America/Los_Angeles").setPreferredChannel(ContactChannel.EMAIL).build())
                .setPayer(Payer.newBuilder().setPolicy("commercial-precert").setMemberId("XJ-99812").build())
                .setDiagnosisCode("G43.709")
                .setClinical(ClinicalHistory.newBuilder().setHeadacheDaysPerMonth(18).setMigraineDaysPerMonth(10)
                        .setChronicMigraineMonths(9)
                        .setPreventiveTrials(List.of(
                                trial("topiramate", DrugClass.ANTICONVULSANT, TrialResult.INEFFECTIVE),
                                trial("propranolol", DrugClass.BETA_BLOCKER, TrialResult.NOT_TOLERATED)))
                        .setMedicationOveruse(MedicationOveruse.NONE).setOnCgrpAntibody(false)
                        .setContraindications(List.of()).build())
                .build();
    }

    private static PreventiveTrial trial(String drug, DrugClass drugClass, TrialResult result) {
        return PreventiveTrial.newBuilder().setDrug(drug).setDrugClass(drugClass).setDays(90).setResult(result).build();
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A GET on Confluent's REST API, answered 200 with JSON. */
    private JsonNode registry(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(registryUrl() + "/" + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /" + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
