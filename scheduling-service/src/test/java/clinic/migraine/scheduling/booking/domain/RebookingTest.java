package clinic.migraine.scheduling.booking.domain;

import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which lost visits go on the schedulers' rebooking worklist. */
class RebookingTest {

    private static final Instant VISIT = at(LocalDate.of(2027, 3, 10), 9, 30);
    private static final Instant NOW = VISIT.minusSeconds(86_400);

    @Test
    void aVisitCalledOffByTheClinicGoesOnTheListOneCancelledByThePatientOrTheSystemDoesNot() {
        Appointment booked = appointment(AppointmentStatus.booked, 1, VISIT, null);

        assertThat(Rebooking.after(booked.cancel("provider ill", CancelledBy.CLINIC, "sam", NOW)))
                .contains(Rebooking.Reason.CANCELLED_BY_CLINIC);
        assertThat(Rebooking.after(booked.cancel("moving away", CancelledBy.PATIENT, "sam", NOW))).isEmpty();
        assertThat(Rebooking.after(booked.cancel("Referral withdrawn", CancelledBy.SYSTEM, null, NOW))).isEmpty();
    }

    @Test
    void aMissedVisitGoesOnTheListOnlyWhenItWasNotBookedAgain() {
        AppointmentEvent.MissedVisit missed = appointment(AppointmentStatus.booked, 1, VISIT, null)
                .markNoShow("sam", VISIT.plusSeconds(3600));

        assertThat(Rebooking.after(missed, false)).contains(Rebooking.Reason.NO_SHOW);
        assertThat(Rebooking.after(missed, true)).isEmpty();
    }
}
