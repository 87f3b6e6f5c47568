package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import clinic.migraine.domain.Conflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static clinic.migraine.scheduling.booking.domain.Fixtures.RULES;
import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every command against every status: the ones the status allows return their event with the appointment as it is
 * afterwards; the others are refused as a {@link Conflict} and change nothing.
 */
class AppointmentTransitionsTest {

    private static final LocalDate VISIT_DAY = LocalDate.of(2027, 3, 10);
    private static final Instant VISIT = at(VISIT_DAY, 9, 30);
    private static final Instant NOW = at(VISIT_DAY.minusDays(7), 12, 0);
    private static final Instant LATER = at(VISIT_DAY.plusDays(1), 10, 0);
    private static final Treatment DOSE = Fixtures.dose(VISIT);

    /** A command, the statuses it may start from, and the status it leads to. */
    record Command(String name, Set<AppointmentStatus> from, AppointmentStatus to,
            Function<Appointment, AppointmentEvent> run) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Command> commands() {
        return Stream.of(
                new Command("reschedule", EnumSet.of(AppointmentStatus.booked), AppointmentStatus.booked,
                        a -> a.reschedule(LATER, null, Fixtures::slot, RULES, "sam", NOW)),
                new Command("cancel", EnumSet.of(AppointmentStatus.booked, AppointmentStatus.arrived),
                        AppointmentStatus.cancelled, a -> a.cancel("moving away", CancelledBy.PATIENT, "sam", NOW)),
                new Command("checkIn", EnumSet.of(AppointmentStatus.booked), AppointmentStatus.arrived,
                        a -> a.checkIn("sam", NOW)),
                new Command("markNoShow", EnumSet.of(AppointmentStatus.booked), AppointmentStatus.noshow,
                        a -> a.markNoShow("sam", NOW)),
                new Command("markTreated", EnumSet.of(AppointmentStatus.booked, AppointmentStatus.arrived),
                        AppointmentStatus.fulfilled, a -> a.markTreated(DOSE, "dr-lee", LATER, Fixtures.RULES)));
    }

    static Stream<Arguments> everyCommandFromEveryStatus() {
        return commands().flatMap(command -> Stream.of(AppointmentStatus.values())
                .map(status -> Arguments.of(command, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyCommandFromEveryStatus")
    void aCommandIsAllowedFromTheStatusesItNamesAndRefusedFromAllOthers(Command command, AppointmentStatus status) {
        Appointment visit = appointment(status, 1, VISIT, null);

        if (command.from().contains(status)) {
            AppointmentEvent event = command.run().apply(visit);
            assertThat(event.appointment().status()).isEqualTo(command.to());
            assertThat(event.appointment().id()).isEqualTo(visit.id());
            // a treatment is recorded after it is given, the day after here; every other command runs at NOW
            Instant ranAt = command.name().equals("markTreated") ? LATER : NOW;
            assertThat(event.appointment().updatedAt()).isEqualTo(ranAt);
            assertThat(event.at()).isEqualTo(ranAt);
        } else {
            assertThatThrownBy(() -> command.run().apply(visit)).isInstanceOf(Conflict.class)
                    .isNotInstanceOf(SlotTaken.class);
        }
    }

    @Test
    void eachCommandReturnsItsOwnEventNamingWhoActed() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);

        assertThat(booked.reschedule(LATER, null, Fixtures::slot, RULES, "sam", NOW))
                .isInstanceOfSatisfying(AppointmentEvent.Rescheduled.class, e -> {
                    assertThat(e.actor()).isEqualTo("sam");
                    assertThat(e.previous()).isEqualTo(booked);
                    assertThat(e.appointment().start()).isEqualTo(LATER);
                });
        assertThat(booked.cancel("ill", CancelledBy.CLINIC, "sam", NOW))
                .isInstanceOfSatisfying(AppointmentEvent.Cancelled.class, e -> {
                    assertThat(e.actor()).isEqualTo("sam");
                    assertThat(e.appointment().cancelledBy()).isEqualTo(CancelledBy.CLINIC);
                    assertThat(e.appointment().cancelReason()).isEqualTo("ill");
                });
        assertThat(booked.checkIn("sam", NOW)).isInstanceOfSatisfying(AppointmentEvent.CheckedIn.class,
                e -> assertThat(e.actor()).isEqualTo("sam"));
        assertThat(booked.markNoShow(null, NOW)).isInstanceOfSatisfying(AppointmentEvent.MissedVisit.class, e -> {
            assertThat(e.actor()).isNull();
            assertThat(e.inARow()).isEqualTo(1);
        });
        assertThat(booked.markTreated(DOSE, "dr-lee", LATER, Fixtures.RULES)).isInstanceOfSatisfying(AppointmentEvent.Treated.class,
                e -> {
                    assertThat(e.actor()).isEqualTo("dr-lee");
                    assertThat(e.appointment().units()).isEqualTo(155);
                    assertThat(e.appointment().sites()).isEqualTo(31);
                    assertThat(e.appointment().lotNumber()).isEqualTo("C1234");
                    assertThat(e.appointment().notes()).isEqualTo("no reaction");
                });
    }

    @Test
    void theCalendarEntrysSequenceGrowsWithEveryMoveAndTheEndButNotWithACheckInOrTreatment() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);
        Appointment movedOnce = booked.reschedule(LATER, null, Fixtures::slot, RULES, "sam", NOW).appointment();
        Appointment movedTwice = movedOnce.reschedule(LATER.plus(Duration.ofDays(1)), null, Fixtures::slot, RULES,
                "sam", NOW).appointment();

        assertThat(booked.sequence()).isZero();
        assertThat(movedOnce.sequence()).isEqualTo(1);
        assertThat(movedTwice.sequence()).isEqualTo(2);
        assertThat(movedTwice.cancel("ill", CancelledBy.PATIENT, null, NOW).appointment().sequence()).isEqualTo(3);
        assertThat(movedTwice.markNoShow(null, NOW).appointment().sequence()).isEqualTo(3);
        assertThat(movedTwice.checkIn("sam", NOW).appointment().sequence()).isEqualTo(2);
        assertThat(booked.markTreated(DOSE, "dr-lee", LATER, RULES).appointment().sequence()).isZero();
    }

    @Test
    void aCommandLeavesTheAppointmentItWasCalledOnAsItWas() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);

        booked.cancel("ill", CancelledBy.CLINIC, "sam", NOW);

        assertThat(booked.status()).isEqualTo(AppointmentStatus.booked);
        assertThat(booked.cancelReason()).isNull();
    }

    @Test
    void aLaterCycleMayMoveToTheVeryStartOfItsEarliestDayButNotAMinuteBefore() {
        Instant notBefore = at(VISIT_DAY.minusDays(3), 0, 0);
        Appointment visit = appointment(AppointmentStatus.booked, 2, VISIT, notBefore);

        assertThatThrownBy(() -> visit.reschedule(notBefore.minus(Duration.ofMinutes(1)), null, Fixtures::slot, RULES,
                "sam", NOW)).isInstanceOf(TooEarly.class);
        assertThat(visit.reschedule(notBefore, null, Fixtures::slot, RULES, "sam", NOW).appointment().start())
                .isEqualTo(notBefore);
        assertThat(visit.reschedule(notBefore.plus(Duration.ofMinutes(1)), null, Fixtures::slot, RULES, "sam", NOW)
                .appointment().start()).isEqualTo(notBefore.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFirstCourseHasNoEarliestDayToKeep() {
        Appointment visit = appointment(AppointmentStatus.booked, 1, VISIT, null);

        Instant tomorrow = at(NOW.atZone(Fixtures.ZONE).toLocalDate().plusDays(1), 8, 0);
        assertThat(visit.reschedule(tomorrow, null, Fixtures::slot, RULES, "sam", NOW).appointment().start())
                .isEqualTo(tomorrow);
    }

    @Test
    void aVisitHoldsItsCycleWhileBookedCheckedInOrTreated() {
        for (AppointmentStatus status : AppointmentStatus.values()) {
            Appointment visit = appointment(status, 2, VISIT, null);
            boolean holds = status == AppointmentStatus.booked || status == AppointmentStatus.arrived
                    || status == AppointmentStatus.fulfilled;
            assertThat(visit.holdsCycle(2)).as("%s holds cycle 2", status).isEqualTo(holds);
            assertThat(visit.holdsCycle(1)).as("%s holds cycle 1", status).isFalse();
        }
    }
}
