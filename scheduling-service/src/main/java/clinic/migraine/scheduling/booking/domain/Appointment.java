package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;
import clinic.migraine.scheduling.calendar.domain.Slot;

/**
 * A visit on a provider's calendar for one referral and treatment cycle. Immutable: each method checks that the
 * change is allowed now and returns the event it caused, which carries the appointment as it is afterwards; the
 * caller saves that. {@code notBefore} is the earliest start its cycle allows (null for a first course).
 * {@code sequence} is the version of the patient's calendar entry for it (iCalendar SEQUENCE): 0 when booked, one
 * more at every move and when it is cancelled or missed, so the calendar moves or removes the one entry it keeps.
 */
public record Appointment(UUID id, UUID referralId, int cycle, String providerId, String location, Instant start,
        Instant end, AppointmentStatus status, Instant notBefore, int noShows, String cancelReason,
        CancelledBy cancelledBy, Integer units, Integer sites, String lotNumber, String notes, Instant updatedAt,
        int sequence) {

    /**
     * Books a cycle into a slot; {@code noShows} is how many visits of the cycle the patient has missed in a row
     * before this one.
     *
     * @throws TooEarly when the slot starts before the cycle's window allows
     */
    public static AppointmentEvent.Booked book(UUID id, UUID referralId, int cycle, Slot slot, CycleWindow window,
            int noShows, BookingRules rules, String actor, Instant now) {
        Instant start = slot.start().toInstant();
        window.admit(start, rules);
        Appointment booked = new Appointment(id, referralId, cycle, slot.providerId(), slot.location(), start,
                slot.end().toInstant(), AppointmentStatus.booked, window.notBefore(), noShows, null, null, null, null,
                null, null, now, 0);
        return new AppointmentEvent.Booked(booked, actor, now);
    }

    /**
     * Moves a booked visit to another slot of the given provider (its own when null).
     *
     * @throws Conflict when it is not booked (checked in, treated, cancelled, missed)
     * @throws TooEarly when the new start is before the cycle's earliest day
     */
    public AppointmentEvent.Rescheduled reschedule(Instant newStart, String newProviderId, Slots slots,
            BookingRules rules, String actor, Instant now) {
        requireBooked();
        Slot slot = slots.bookable(newStart, newProviderId == null ? providerId : newProviderId);
        if (notBefore != null && slot.start().toInstant().isBefore(notBefore)) {
            throw rules.tooEarly(notBefore);
        }
        return moveTo(slot, actor, now);
    }

    private AppointmentEvent.Rescheduled moveTo(Slot slot, String actor, Instant now) {
        Appointment moved = new Appointment(id, referralId, cycle, slot.providerId(), slot.location(),
                slot.start().toInstant(), slot.end().toInstant(), status, notBefore, noShows, cancelReason,
                cancelledBy, units, sites, lotNumber, notes, now, sequence + 1);
        return new AppointmentEvent.Rescheduled(this, moved, actor, now);
    }

    /**
     * Calls the visit off; a checked-in patient may still leave untreated.
     *
     * @throws Conflict when it is already treated, cancelled or missed
     */
    public AppointmentEvent.Cancelled cancel(String reason, CancelledBy by, String actor, Instant now) {
        return cancel(CancelReason.STAFF_ENTERED, reason, by, actor, now);
    }

    /**
     * Calls the visit off for the given reason; {@code text} is kept here only.
     *
     * @throws Conflict when it is already treated, cancelled or missed
     */
    public AppointmentEvent.Cancelled cancel(CancelReason reason, String text, CancelledBy by, String actor,
            Instant now) {
        if (status != AppointmentStatus.booked && status != AppointmentStatus.arrived) {
            throw new Conflict("An appointment that is " + status + " cannot be cancelled");
        }
        return new AppointmentEvent.Cancelled(with(AppointmentStatus.cancelled, text, by, now, sequence + 1), reason,
                actor, now);
    }

    /**
     * A withdrawn referral cancels the visits still ahead; one that has begun (checked in, or its start passed) is
     * left to the staff.
     */
    public Optional<AppointmentEvent.Cancelled> cancelForWithdrawal(Instant now) {
        if (status != AppointmentStatus.booked || !start.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(cancel(CancelReason.REFERRAL_WITHDRAWN, "Referral withdrawn", CancelledBy.SYSTEM, null, now));
    }

    /** @throws Conflict when it is not booked */
    public AppointmentEvent.CheckedIn checkIn(String actor, Instant now) {
        requireBooked();
        return new AppointmentEvent.CheckedIn(with(AppointmentStatus.arrived, cancelReason, cancelledBy, now,
                sequence), actor, now);
    }

    /** @throws Conflict when it is not booked (a checked-in patient came) */
    public AppointmentEvent.MissedVisit markNoShow(String actor, Instant now) {
        requireBooked();
        return new AppointmentEvent.MissedVisit(with(AppointmentStatus.noshow, cancelReason, cancelledBy, now,
                sequence + 1), noShows + 1, actor, now);
    }

    /**
     * Records the treatment given at this visit, signed by the clinician who enters it.
     *
     * @throws Conflict when it is already treated, cancelled or missed
     * @throws RuleBroken when the record cannot be kept as it is: given in the future or more than 12 hours from
     *         the visit, from a lot expired before the day, or above 195 U or 39 injections without a reason
     */
    public AppointmentEvent.Treated markTreated(Treatment treatment, String clinician, Instant now,
            BookingRules rules) {
        if (status != AppointmentStatus.booked && status != AppointmentStatus.arrived) {
            throw new Conflict("An appointment that is " + status + " cannot be completed");
        }
        List<Violation> problems = treatment.problems(start, now, rules.zone(), rules.recordTreatmentWithin());
        if (!problems.isEmpty()) {
            throw new RuleBroken("The treatment record cannot be kept: " + problems.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), problems);
        }
        Treatment signed = treatment.by(clinician);
        Appointment treated = new Appointment(id, referralId, cycle, providerId, location, start, end,
                AppointmentStatus.fulfilled, notBefore, noShows, cancelReason, cancelledBy, signed.totalUnits(),
                signed.totalInjections(), signed.lot(), signed.note(), now, sequence);
        return new AppointmentEvent.Treated(treated, signed, clinician, now);
    }

    /**
     * The patient confirms they will come: what is confirmed is this start time (a visit moved later needs a new
     * confirmation).
     *
     * @throws Conflict when the visit is not booked, or has begun
     */
    public Instant confirm(Instant now) {
        requireBooked();
        if (!start.isAfter(now)) {
            throw new Conflict("The visit has begun; there is nothing left to confirm");
        }
        return start;
    }

    /** True when this visit holds the referral's place for the cycle (booked, arrived or treated). */
    public boolean holdsCycle(int cycleNumber) {
        return cycle == cycleNumber && status.holdsTheSlot();
    }

    private void requireBooked() {
        if (status != AppointmentStatus.booked) {
            throw new Conflict("The appointment is " + status + ", not " + AppointmentStatus.booked);
        }
    }

    private Appointment with(AppointmentStatus newStatus, String reason, CancelledBy by, Instant now,
            int newSequence) {
        return new Appointment(id, referralId, cycle, providerId, location, start, end, newStatus, notBefore, noShows,
                reason, by, units, sites, lotNumber, notes, now, newSequence);
    }
}
