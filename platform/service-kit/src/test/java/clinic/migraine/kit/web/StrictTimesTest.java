package clinic.migraine.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StrictTimesTest {

    record Times(LocalDate date, LocalTime time, LocalDateTime local, Instant instant, OffsetDateTime offset,
            ZonedDateTime zoned, List<LocalDate> dates) {
    }

    private static final JsonMapper STRICT = JsonMapper.builder().addModule(new StrictTimes()).build();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Test
    void eachTypeIsReadFromItsIsoText() {
        Times read = STRICT.readValue("""
                {"date": "2026-01-05", "time": "09:30", "local": "2026-01-05T09:30:15.5", "instant": "2026-01-05T17:30:00Z",
                 "offset": "2026-01-05T09:30:00-08:00", "zoned": "2026-01-05T09:30:00-08:00[America/Los_Angeles]",
                 "dates": ["2026-01-05", null]}""", Times.class);

        assertThat(read.date()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(read.time()).isEqualTo(LocalTime.of(9, 30));
        assertThat(read.local()).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 30, 15, 500_000_000));
        assertThat(read.instant()).isEqualTo(Instant.parse("2026-01-05T17:30:00Z"));
        assertThat(read.offset().toInstant()).isEqualTo(Instant.parse("2026-01-05T17:30:00Z"));
        assertThat(read.zoned().toInstant()).isEqualTo(Instant.parse("2026-01-05T17:30:00Z"));
        assertThat(read.dates()).containsExactly(LocalDate.of(2026, 1, 5), null);
        assertThat(STRICT.readValue("{\"date\": null}", Times.class).date()).isNull();
    }

    @Test
    void numbersArraysEmptyTextAndOtherShapesAreRefusedWhereJacksonAloneReadsThem() {
        for (String lenient : List.of("{\"date\": 0}", "{\"date\": [2026, 1, 5]}", "{\"date\": \"\"}",
                "{\"date\": \"2026-01-05T10:00\"}", "{\"instant\": 0}", "{\"instant\": \"0\"}", "{\"instant\": 1.5}",
                "{\"instant\": \"\"}", "{\"offset\": 0}", "{\"local\": [2026, 1, 5, 10, 0]}",
                "{\"local\": \"2026-01-05T10:00:00Z\"}", "{\"time\": [10, 0]}", "{\"time\": \"2026-01-05T10:00\"}",
                "{\"dates\": [0]}")) {
            assertThat(PLAIN.readValue(lenient, Times.class)).as("Jackson alone reads %s", lenient).isNotNull();
            assertThatThrownBy(() -> STRICT.readValue(lenient, Times.class)).as(lenient)
                    .satisfies(e -> assertThat(JsonErrors.fieldPath(e)).isNotNull());
        }
    }

    @Test
    void theFieldErrorNamesTheFieldAndTheShapeExpected() {
        assertThatThrownBy(() -> STRICT.readValue("{\"date\": \"2026-1-5\"}", Times.class)).satisfies(e -> {
            assertThat(JsonErrors.fieldPath(e)).isEqualTo("date");
            assertThat(JsonErrors.reason(e)).isEqualTo("must be a date written as 2026-01-05");
        });
        assertThatThrownBy(() -> STRICT.readValue("{\"dates\": [\"2026-01-05\", 20260105]}", Times.class)).satisfies(e -> {
            assertThat(JsonErrors.fieldPath(e)).isEqualTo("dates[1]");
            assertThat(JsonErrors.reason(e)).isEqualTo("must be a date written as 2026-01-05");
        });
        assertThatThrownBy(() -> STRICT.readValue("{\"instant\": \"2026-01-05T17:30:00\"}", Times.class))
                .satisfies(e -> assertThat(JsonErrors.reason(e)).isEqualTo("must be a date and time with its offset, "
                        + "written as 2026-01-05T09:30:00-08:00 or 2026-01-05T17:30:00Z"));
        assertThatThrownBy(() -> STRICT.readValue("{\"time\": 930}", Times.class))
                .satisfies(e -> assertThat(JsonErrors.reason(e)).isEqualTo("must be a time written as 09:30 or 09:30:00"));
        assertThatThrownBy(() -> STRICT.readValue("{\"date\": \"2024-02-30\"}", Times.class))
                .satisfies(e -> assertThat(JsonErrors.reason(e)).isEqualTo("must be a date written as 2026-01-05"));
    }
}
