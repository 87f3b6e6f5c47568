package clinic.migraine.kit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClinicTimeTest {

    private final ClinicTime time = new ClinicTime(ZoneId.of("America/Los_Angeles"));

    @Test
    void showsEveryTimeInTheClinicsZoneAndNamesIt() {
        Instant winter = Instant.parse("2026-12-08T17:30:00Z");
        Instant summer = Instant.parse("2026-07-08T16:30:00Z");

        assertThat(time.format(winter)).isEqualTo("Tue 8 Dec 2026, 09:30 PST");
        assertThat(time.format(summer)).isEqualTo("Wed 8 Jul 2026, 09:30 PDT");
        assertThat(time.format(OffsetDateTime.of(2026, 12, 8, 12, 30, 0, 0, ZoneOffset.ofHours(-5))))
                .isEqualTo("Tue 8 Dec 2026, 09:30 PST");
        assertThat(time.time(winter)).isEqualTo("09:30");
        assertThat(time.date(Instant.parse("2026-12-09T03:00:00Z"))).isEqualTo("Tue 8 Dec 2026");
        assertThat(time.date(LocalDate.of(2026, 12, 9))).isEqualTo("Wed 9 Dec 2026");
        assertThat(time.format(null)).isEmpty();
    }
}
