package clinic.migraine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.EventTopicsConfiguration;
import clinic.migraine.testsupport.RealPostgres;
import clinic.migraine.testsupport.RealSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Phone numbers and diagnosis codes over real HTTP, as a referring practice's system sends them: a number that is
 * none or a code that is not billable is a field error saying why, and nothing is stored; a number written as people
 * write it is stored and published in E.164.
 */
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 1)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventTopicsConfiguration.class)
@ActiveProfiles("local")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
class ReferralPhoneAndCodeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;

    private Api intake() {
        return new Api("http://localhost:" + port).as("intake");
    }

    @Test
    void aPhoneNumberThatIsNoneIsAFieldErrorSayingWhyAndNothingIsStored() {
        long before = referrals();

        assertFieldError(withPhone("+1 555 0100"), "patient.phone",
                "is too short for a +1 number (the area code is missing)");
        assertFieldError(withPhone("+99912345678"), "patient.phone",
                "has no country: after + comes a country calling code, such as +1 310 555 0100 or +44 20 7946 0958");
        assertFieldError(withPhone("+1 310 555 01000"), "patient.phone", "is too long for a +1 number");
        assertFieldError(withPhone("(555) 555-0100"), "patient.phone",
                "is not a valid +1 number: no such area code or number range");

        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aDiagnosisCodeOutsideTheSetOrNotBillableIsAFieldErrorNamingTheBillableCodesAndNothingIsStored() {
        long before = referrals();

        assertFieldError(withCode("G43.7"), "diagnosisCode",
                "is a category, not a billable code: choose one of G43.701, G43.709, G43.711, G43.719");
        assertFieldError(withCode("G43.E1"), "diagnosisCode",
                "is a category, not a billable code: choose one of G43.E11, G43.E19");
        assertFieldError(withCode("G44.209"), "diagnosisCode",
                "is not in the ICD-10-CM code set the clinic takes (migraine, G43, FY2026)");
        assertFieldError(withCode("G43709"), "diagnosisCode",
                "must be an ICD-10-CM code with its dot, such as G43.709");

        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aNumberWrittenAsPeopleWriteItIsStoredAndPublishedInE164() {
        Api.Answer created = intake().post("/api/referrals", withPhone("(310) 555-0142"),
                Map.of("Idempotency-Key", "phone-" + UUID.randomUUID()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.read("$.id"));
        assertThat(jdbc.sql("select phone from referral where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("+13105550142");
        assertThat(intake().get("/api/referrals/" + id).<String>read("$.patient.phone")).isEqualTo("+13105550142");
        List<ReferralSubmitted> events = topics.await(EventTopic.REFERRAL_SUBMITTED.topicName(),
                ReferralSubmitted.class, e -> e.getReferralId().equals(id), 1, Duration.ofSeconds(30));
        assertThat(events.get(0).getContact().getPhone()).isEqualTo("+13105550142");
    }

    private void assertFieldError(String body, String field, String message) {
        Api.Answer answer = intake().post("/api/referrals", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<Map<String, String>> errors = answer.read("$.errors");
        assertThat(errors).as(answer.body()).containsExactly(Map.of("field", field, "message", message));
    }

    private static String withPhone(String phone) {
        return Referrals.ana().replace("\"phone\": \"+13105550100\"", "\"phone\": \"" + phone + "\"")
                .replace("\"email\": \"ana@example.org\"", "\"email\": \"phone." + UUID.randomUUID() + "@example.org\"");
    }

    private static String withCode(String code) {
        return Referrals.ana().replace("\"diagnosisCode\": \"G43.709\"", "\"diagnosisCode\": \"" + code + "\"");
    }

    private long referrals() {
        return jdbc.sql("select count(*) from referral").query(Long.class).single();
    }
}
