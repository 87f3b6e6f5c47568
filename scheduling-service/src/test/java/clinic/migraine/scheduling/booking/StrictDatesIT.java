package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.testsupport.Api;
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
 * Dates and times over real HTTP as a scheduler's tool sends them: only ISO-8601 text of the one expected shape is
 * read. A number ({@code "startsOn": 0}, once read as 1970-01-01), a date without its leading zeros, an array, an
 * empty string or a date-time where a date belongs is a 400 naming the field, and nothing is stored.
 */
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 1)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventTopicsConfiguration.class)
@ActiveProfiles("local")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
class StrictDatesIT {

    private static final String DATE = "must be a date written as 2026-01-05";
    private static final String INSTANT =
            "must be a date and time with its offset, written as 2026-01-05T09:30:00-08:00 or 2026-01-05T17:30:00Z";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api scheduling() {
        return new Api("http://localhost:" + port).as("scheduler");
    }

    @Test
    void aClosureDateThatIsNotAnIsoDateIsAFieldErrorAndNoClosureIsStored() {
        long before = closures();

        for (String startsOn : List.of("0", "20260105", "\"2026-1-5\"", "\"2026-01-05T00:00:00\"", "[2026, 1, 5]",
                "\"\"", "\"05/01/2026\"", "\"2026-02-30\"", "\"+2026-01-05\"", "true", "{}")) {
            assertFieldError(scheduling().post("/api/closures", closure(startsOn, "\"2026-01-06\"")), "startsOn", DATE);
        }
        assertFieldError(scheduling().post("/api/closures", closure("\"2026-01-05\"", "-1")), "endsOn", DATE);

        assertThat(closures()).as("closures stored").isEqualTo(before);
    }

    @Test
    void theSameClosureWrittenAsAnIsoDateIsStoredWithTheDaysSent() {
        Api.Answer created = scheduling().post("/api/closures", closure("\"2031-01-05\"", "\"2031-01-06\""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.<String>read("$.startsOn")).isEqualTo("2031-01-05");
        assertThat(created.<String>read("$.endsOn")).isEqualTo("2031-01-06");
        assertThat(scheduling().send("DELETE", "/api/closures/" + created.read("$.id"), null, null).status())
                .isEqualTo(204);
    }

    @Test
    void aClosureLongerThanAYearIsRefusedAsABrokenRule() {
        long before = closures();

        Api.Answer refused = scheduling().post("/api/closures", closure("\"2031-01-05\"", "\"9999-12-31\""));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.<String>read("$.errors[0].field")).isEqualTo("endsOn");
        assertThat(closures()).isEqualTo(before);
    }

    @Test
    void aVisitsStartMustBeAnInstantWithItsOffsetNotSecondsSince1970() {
        String referral = UUID.randomUUID().toString();
        long before = appointments();

        for (String start : List.of("0", "\"0\"", "1.5", "\"2031-01-06T16:00\"", "\"2031-01-06\"", "\"\"",
                "[2031, 1, 6, 16, 0]", "\"2031-01-06T16:00:00+0000\"")) {
            assertFieldError(scheduling().post("/api/appointments", """
                    {"referralId": "%s", "cycle": 1, "start": %s, "providerId": "prov-1"}""".formatted(referral, start)),
                    "start", INSTANT);
        }
        assertFieldError(scheduling().post("/api/appointments/" + UUID.randomUUID() + "/reschedule",
                "{\"start\": 1767225600}"), "start", INSTANT);

        assertThat(appointments()).as("appointments stored").isEqualTo(before);
    }

    @Test
    void aDoseRecordsTimeAndLotExpiryAreReadOnlyFromIsoText() {
        String sites = """
                [{"muscle": "PROCERUS", "side": "MIDLINE", "injections": 1, "units": 5}]""";
        assertFieldError(clinician().post("/api/appointments/" + UUID.randomUUID() + "/complete", """
                {"administeredAt": 1767225600, "product": "onabotulinumtoxinA", "lot": "C3391",
                 "lotExpiry": "2031-06-30", "sites": %s, "wastedUnits": 0}""".formatted(sites)),
                "administeredAt", INSTANT);
        assertFieldError(clinician().post("/api/appointments/" + UUID.randomUUID() + "/complete", """
                {"administeredAt": "2031-01-06T09:00:00-08:00", "product": "onabotulinumtoxinA", "lot": "C3391",
                 "lotExpiry": 0, "sites": %s, "wastedUnits": 0}""".formatted(sites)),
                "lotExpiry", DATE);
    }

    private Api clinician() {
        return new Api("http://localhost:" + port).as("clinician");
    }

    private static String closure(String startsOn, String endsOn) {
        return """
                {"providerId": "prov-1", "startsOn": %s, "endsOn": %s, "reason": "leave"}""".formatted(startsOn, endsOn);
    }

    private static void assertFieldError(Api.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.<List<Map<String, String>>>read("$.errors")).as(answer.body())
                .containsExactly(Map.of("field", field, "message", message));
    }

    private long closures() {
        return jdbc.sql("select count(*) from closure").query(Long.class).single();
    }

    private long appointments() {
        return jdbc.sql("select count(*) from appointment").query(Long.class).single();
    }
}
