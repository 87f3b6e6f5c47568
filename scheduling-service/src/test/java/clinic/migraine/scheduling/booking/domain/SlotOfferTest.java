package clinic.migraine.scheduling.booking.domain;

import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.NotFound;
import org.junit.jupiter.api.Test;

class SlotOfferTest {

    private static final Instant VISIT = at(LocalDate.of(2027, 3, 10), 9, 30);
    private static final Instant NOW = VISIT.minus(java.time.Duration.ofDays(5));
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();

    private static SlotOffer offered() {
        return SlotOffer.of(UUID.randomUUID(), appointment(AppointmentStatus.cancelled, 1, VISIT, null),
                Set.of(FIRST, SECOND), NOW);
    }

    @Test
    void theFirstPatientToTakeItGetsItTheSecondIsRefused() {
        SlotOffer taken = offered().takeFor(FIRST, NOW);

        assertThat(taken.takenBy()).isEqualTo(FIRST);
        assertThat(taken.start()).isEqualTo(VISIT);
        assertThatThrownBy(() -> taken.takeFor(SECOND, NOW)).isInstanceOf(Conflict.class)
                .hasMessage("This earlier visit has already been taken");
    }

    @Test
    void onlyThePatientsItWasOfferedToMayTakeItAndOnlyBeforeItBegins() {
        assertThatThrownBy(() -> offered().takeFor(UUID.randomUUID(), NOW)).isInstanceOf(NotFound.class);
        assertThat(offered().takeFor(SECOND, VISIT.minusSeconds(1)).takenBy()).isEqualTo(SECOND);
        assertThatThrownBy(() -> offered().takeFor(SECOND, VISIT)).isInstanceOf(Conflict.class);
    }
}
