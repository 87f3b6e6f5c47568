package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static clinic.migraine.scheduling.booking.domain.Fixtures.RULES;
import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class BookingRulesTest {

    @Test
    void aMissedVisitIsRebookedUntilTheSecondInARow() {
        assertThat(RULES.rebooksAfter(1)).isTrue();
        assertThat(RULES.rebooksAfter(2)).isFalse();
        assertThat(RULES.rebooksAfter(3)).isFalse();
        BookingRules byHand = new BookingRules(RULES.zone(), 2, Duration.ofDays(84), Duration.ofDays(14),
                Duration.ofDays(182), false, 2, true, Duration.ofDays(14), Duration.ofHours(12));
        assertThat(byHand.rebooksAfter(1)).isFalse();
    }

    @Test
    void aFreedSlotIsOfferedWhenItIsAtLeast48HoursAheadAndWithinFourteenDays() {
        Instant now = at(LocalDate.of(2026, 12, 1), 12, 0);

        assertThat(RULES.offersFreedSlot(visitAt(now), now)).isFalse();
        assertThat(RULES.offersFreedSlot(visitAt(now.plus(Duration.ofHours(48)).minusSeconds(1)), now)).isFalse();
        assertThat(RULES.offersFreedSlot(visitAt(now.plus(Duration.ofHours(48))), now)).isTrue();
        assertThat(RULES.offersFreedSlot(visitAt(now.plus(Duration.ofHours(48)).plusSeconds(1)), now)).isTrue();
        assertThat(RULES.offersFreedSlot(visitAt(now.plus(Duration.ofDays(14))), now)).isTrue();
        assertThat(RULES.offersFreedSlot(visitAt(now.plus(Duration.ofDays(14)).plusSeconds(1)), now)).isFalse();
    }

    private static Appointment visitAt(Instant start) {
        return appointment(AppointmentStatus.cancelled, 1, start, null);
    }
}
