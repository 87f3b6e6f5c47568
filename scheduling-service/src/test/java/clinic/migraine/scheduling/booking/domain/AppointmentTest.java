package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import clinic.migraine.domain.Conflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static clinic.migraine.scheduling.booking.domain.Fixtures.RULES;
import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static clinic.migraine.scheduling.booking.domain.Fixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentTest {

    private static final LocalDate VISIT_DAY = LocalDate.of(2027, 3, 10);
    private static final Instant VISIT = at(VISIT_DAY, 9, 30);
    private static final Instant NOW = at(VISIT_DAY.minusDays(7), 12, 0);
    private static final Slots NEVER_ASKED = (start, provider) -> {
        throw new AssertionError("the calendar must not be asked before the status is checked");
    };

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"booked", "arrived"})
    void aBookedOrCheckedInVisitCanBeCancelledAndSaysByWhom(AppointmentStatus status) {
        Appointment visit = appointment(status, 1, VISIT, null);

        AppointmentEvent.Cancelled cancelled = visit.cancel("moving away", CancelledBy.PATIENT, "sam", NOW);

        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.cancelled);
        assertThat(cancelled.appointment().cancelReason()).isEqualTo("moving away");
        assertThat(cancelled.appointment().cancelledBy()).isEqualTo(CancelledBy.PATIENT);
        assertThat(cancelled.appointment().updatedAt()).isEqualTo(NOW);
        assertThat(cancelled.actor()).isEqualTo("sam");
        assertThat(cancelled.appointment().start()).isEqualTo(VISIT);
        assertThat(cancelled.reason()).as("staff typed why").isEqualTo(CancelReason.STAFF_ENTERED);
    }

    @Test
    void aCancellationFromThePatientsLinkSaysSoByItsCode() {
        AppointmentEvent.Cancelled cancelled = appointment(AppointmentStatus.booked, 1, VISIT, null)
                .cancel(CancelReason.PATIENT_LINK, "Cancelled by the patient through their link", CancelledBy.PATIENT,
                        "patient", NOW);

        assertThat(cancelled.reason()).isEqualTo(CancelReason.PATIENT_LINK);
        assertThat(cancelled.appointment().cancelReason()).isEqualTo("Cancelled by the patient through their link");
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"fulfilled", "cancelled", "noshow"})
    void aVisitThatIsOverCannotBeCancelled(AppointmentStatus status) {
        Appointment visit = appointment(status, 1, VISIT, null);

        assertThatThrownBy(() -> visit.cancel("late", CancelledBy.CLINIC, "sam", NOW))
                .isInstanceOf(Conflict.class)
                .hasMessage("An appointment that is " + status + " cannot be cancelled");
    }

    @Test
    void aWithdrawalCancelsOnlyBookedVisitsThatHaveNotStarted() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);

        Optional<AppointmentEvent.Cancelled> before = booked.cancelForWithdrawal(VISIT.minusSeconds(1));
        assertThat(before).hasValueSatisfying(c -> {
            assertThat(c.appointment().cancelledBy()).isEqualTo(CancelledBy.SYSTEM);
            assertThat(c.appointment().cancelReason()).isEqualTo("Referral withdrawn");
            assertThat(c.reason()).isEqualTo(CancelReason.REFERRAL_WITHDRAWN);
            assertThat(c.actor()).isNull();
        });
        assertThat(booked.cancelForWithdrawal(VISIT)).isEmpty();
        assertThat(booked.cancelForWithdrawal(VISIT.plusSeconds(1))).isEmpty();
        assertThat(appointment(AppointmentStatus.arrived, 1, VISIT, null).cancelForWithdrawal(NOW)).isEmpty();
    }

    @Test
    void checkingInNeedsABookedVisit() {
        AppointmentEvent.CheckedIn arrived = appointment(AppointmentStatus.booked, 1, VISIT, null).checkIn("sam", NOW);
        assertThat(arrived.appointment().status()).isEqualTo(AppointmentStatus.arrived);

        assertThatThrownBy(() -> arrived.appointment().checkIn("sam", NOW))
                .isInstanceOf(Conflict.class).hasMessage("The appointment is arrived, not booked");
    }

    @Test
    void aNoShowCountsTheVisitsMissedInARow() {
        Appointment secondTry = new Appointment(appointment(AppointmentStatus.booked, 1, VISIT, null).id(),
                Fixtures.REFERRAL, 1, "prov-1", "Marina Del Rey", VISIT, VISIT.plus(Duration.ofMinutes(30)),
                AppointmentStatus.booked, null, 1, null, null, null, null, null, null, NOW, 0);

        AppointmentEvent.MissedVisit missed = secondTry.markNoShow(null, NOW);

        assertThat(missed.inARow()).isEqualTo(2);
        assertThat(missed.appointment().status()).isEqualTo(AppointmentStatus.noshow);
        assertThatThrownBy(() -> missed.appointment().markNoShow(null, NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void treatingRecordsTheDoseOnBookedOrCheckedInVisitsOnly() {
        Treatment dose = Fixtures.dose(VISIT);
        Instant after = VISIT.plusSeconds(3600);

        AppointmentEvent.Treated treated = appointment(AppointmentStatus.arrived, 1, VISIT, null)
                .markTreated(dose, "dr-lee", after, RULES);

        assertThat(treated.appointment().status()).isEqualTo(AppointmentStatus.fulfilled);
        assertThat(List.of(treated.appointment().units(), treated.appointment().sites())).containsExactly(155, 31);
        assertThat(treated.appointment().lotNumber()).isEqualTo("C1234");
        assertThat(treated.treatment().injector()).isEqualTo("dr-lee");
        assertThat(treated.treatment().sites()).isEqualTo(dose.sites());
        assertThatThrownBy(() -> treated.appointment().markTreated(dose, "dr-lee", after, RULES))
                .isInstanceOf(Conflict.class).hasMessage("An appointment that is fulfilled cannot be completed");
    }

    @Test
    void aLaterCycleCannotBeMovedBeforeItsEarliestDay() {
        Instant notBefore = at(VISIT_DAY.minusDays(3), 0, 0);
        Appointment visit = appointment(AppointmentStatus.booked, 2, VISIT, notBefore);

        Instant dayBefore = at(VISIT_DAY.minusDays(4), 9, 0);
        assertThatThrownBy(() -> visit.reschedule(dayBefore, null, Fixtures::slot, RULES, "sam", NOW))
                .isInstanceOfSatisfying(TooEarly.class, e -> {
                    assertThat(e.earliest()).isEqualTo(VISIT_DAY.minusDays(3));
                    assertThat(e.getMessage()).isEqualTo("Treatments must be at least 84 days apart: the earliest "
                            + "start is " + VISIT_DAY.minusDays(3));
                    assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("start"));
                });

        Instant firstMorning = at(VISIT_DAY.minusDays(3), 8, 0);
        AppointmentEvent.Rescheduled moved = visit.reschedule(firstMorning, null, Fixtures::slot, RULES, "sam", NOW);
        assertThat(moved.appointment().start()).isEqualTo(firstMorning);
        assertThat(moved.previous().start()).isEqualTo(VISIT);
        assertThat(moved.appointment().providerId()).isEqualTo("prov-1");

        Instant dayAfter = at(VISIT_DAY.minusDays(2), 8, 0);
        assertThat(visit.reschedule(dayAfter, "prov-2", Fixtures::slot, RULES, "sam", NOW).appointment())
                .satisfies(a -> {
                    assertThat(a.start()).isEqualTo(dayAfter);
                    assertThat(a.providerId()).isEqualTo("prov-2");
                });
    }

    @Test
    void onlyABookedVisitCanBeRescheduledAndTheCalendarIsNotAskedOtherwise() {
        Appointment arrived = appointment(AppointmentStatus.arrived, 1, VISIT, null);

        assertThatThrownBy(() -> arrived.reschedule(VISIT.plus(Duration.ofDays(1)), null, NEVER_ASKED, RULES, "sam",
                NOW)).isInstanceOf(Conflict.class).hasMessage("The appointment is arrived, not booked");
    }

    @Test
    void bookingALaterCycleChecksItsWindow() {
        LocalDate treated = LocalDate.of(2026, 12, 1);
        Appointment last = appointment(AppointmentStatus.fulfilled, 1, at(treated, 10, 0), null);
        CycleWindow window = CycleWindow.of(2, List.of(last), at(treated, 12, 0), RULES);

        Instant day83 = at(treated.plusDays(83), 16, 30);
        assertThatThrownBy(() -> Appointment.book(java.util.UUID.randomUUID(), Fixtures.REFERRAL, 2,
                slot(day83, "prov-1"), window, 0, RULES, null, NOW)).isInstanceOf(TooEarly.class);

        Instant day84 = at(treated.plusDays(84), 8, 0);
        AppointmentEvent.Booked booked = Appointment.book(java.util.UUID.randomUUID(), Fixtures.REFERRAL, 2,
                slot(day84, "prov-1"), window, 0, RULES, null, NOW);
        assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.booked);
        assertThat(booked.appointment().notBefore()).isEqualTo(at(treated.plusDays(84), 0, 0));
        assertThat(booked.actor()).isNull();
    }

    @Test
    void aPatientConfirmsABookedVisitAheadForItsStartTimeOnly() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);

        assertThat(booked.confirm(VISIT.minusSeconds(1))).isEqualTo(VISIT);
        assertThatThrownBy(() -> booked.confirm(VISIT)).isInstanceOf(clinic.migraine.domain.Conflict.class);
        assertThatThrownBy(() -> appointment(AppointmentStatus.cancelled, 1, VISIT, null).confirm(NOW))
                .isInstanceOf(clinic.migraine.domain.Conflict.class);
    }
}
