package clinic.migraine.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.scheduling.booking.domain.CancelReason;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.Rebooking;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import clinic.migraine.scheduling.booking.domain.SlotOffer;
import clinic.migraine.scheduling.booking.domain.SlotOffers;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients manage their own visit through the signed link in their confirmation and reminders: confirm they will
 * come, cancel, or choose another free time inside the cycle's window (the 84 days and the payer's authorization
 * hold as for staff; a time taken meanwhile is refused). Each act is audited as the patient's.
 */
@Service
public class PatientVisits {

    /** The actor the audit trail names for what patients do through their link. */
    public static final String PATIENT = "patient";
    /** How many other times the page offers. */
    public static final int OTHER_TIMES = 12;

    private final VisitLinks links;
    private final Booking booking;
    private final Appointments appointments;
    private final AppointmentChanges changes;
    private final Clock clock;
    private final SlotOffers offers;
    private final RebookingList rebookings;
    private final AuditTrail audit;

    PatientVisits(VisitLinks links, Booking booking, Appointments appointments, AppointmentChanges changes,
            Clock clock, SlotOffers offers, RebookingList rebookings, AuditTrail audit) {
        this.links = links;
        this.booking = booking;
        this.appointments = appointments;
        this.changes = changes;
        this.clock = clock;
        this.offers = offers;
        this.rebookings = rebookings;
        this.audit = audit;
    }

    /** An offer as the patient it was offered to sees it. */
    public record Offer(SlotOffer offer, Appointment visit) {
    }

    /** @throws NotFound when there is no such offer for this visit */
    @Transactional(readOnly = true)
    public Offer offer(UUID visitId, UUID offerId) {
        SlotOffer offer = offers.find(offerId).filter(o -> o.recipients().contains(visitId))
                .orElseThrow(() -> new NotFound("offer", offerId));
        return new Offer(offer, appointments.find(visitId).orElseThrow(() -> new NotFound("appointment", visitId)));
    }

    /**
     * The patient takes an earlier slot offered to them: the first one moves there (confirmed), the offer is
     * locked meanwhile so the others are refused.
     *
     * @throws NotFound when it was not offered to this visit
     * @throws clinic.migraine.domain.Conflict when someone else took it first, or the visit can no longer move
     */
    @Transactional
    public Appointment takeOffer(UUID visitId, UUID offerId) {
        SlotOffer offer = offers.lock(offerId).orElseThrow(() -> new NotFound("offer", offerId));
        SlotOffer taken = offer.takeFor(visitId, clock.instant());
        Appointment moved = move(visitId, offer.start(), offer.providerId());
        offers.markTaken(taken);
        return moved;
    }

    /**
     * A patient's text reply to a visit message, for their next booked visit: C confirms it, R puts it on the
     * schedulers' worklist to call them about another time. Nothing booked ahead: nothing to do.
     */
    @Transactional
    public void replied(UUID referralId, Reply reply) {
        Instant now = clock.instant();
        Optional<Appointment> next = appointments.ofReferral(referralId).stream()
                .filter(a -> a.status() == AppointmentStatus.booked && a.start().isAfter(now))
                .min(java.util.Comparator.comparing(Appointment::start));
        if (next.isEmpty()) {
            return;
        }
        Appointment a = next.get();
        if (reply == Reply.CONFIRM) {
            confirmed(a, now);
        } else if (reply == Reply.CALL_ME) {
            rebookings.open(referralId, a.cycle(), Rebooking.Reason.CALL_TO_RESCHEDULE, a.id(), now);
            audit.recordBy(PATIENT, "asked to be called about another time", "appointment", a.id(), referralId,
                    "by text message");
        }
    }

    /** What a text reply asks for. */
    public enum Reply {
        CONFIRM, CALL_ME, OTHER
    }

    /** The visit as its patient sees it: still open to change only while booked and ahead. */
    public record Visit(Appointment appointment, boolean confirmed, boolean changeable, List<Slot> otherTimes) {
    }

    /** The visit a genuine token names; empty for a forged or garbled one. */
    public Optional<UUID> visitOf(String token) {
        return links.check(token);
    }

    public String token(UUID appointmentId) {
        return links.issue(appointmentId);
    }

    /** @throws NotFound when the visit does not exist */
    @Transactional(readOnly = true)
    public Visit view(UUID id) {
        Appointment a = appointments.find(id).orElseThrow(() -> new NotFound("appointment", id));
        boolean changeable = a.status() == AppointmentStatus.booked && a.start().isAfter(clock.instant());
        return new Visit(a, appointments.confirmed(List.of(a)).contains(id), changeable,
                changeable ? booking.otherTimes(id, OTHER_TIMES) : List.of());
    }

    /** @throws clinic.migraine.domain.Conflict when the visit is not booked or has begun */
    @Transactional
    public Appointment confirm(UUID id) {
        Appointment a = appointments.lock(id).orElseThrow(() -> new NotFound("appointment", id));
        confirmed(a, clock.instant());
        return a;
    }

    /** @throws clinic.migraine.domain.Conflict when the visit can no longer be cancelled */
    @Transactional
    public Appointment cancel(UUID id) {
        return booking.cancel(id, CancelReason.PATIENT_LINK, "Cancelled by the patient through their link",
                CancelledBy.PATIENT, PATIENT);
    }

    /**
     * Moves the visit to the time the patient chose, and counts that as their confirmation.
     *
     * @throws clinic.migraine.scheduling.booking.domain.SlotTaken when someone took it meanwhile
     */
    @Transactional
    public Appointment move(UUID id, Instant start, String providerId) {
        Appointment moved = booking.reschedule(id, start, providerId, PATIENT);
        confirmed(moved, clock.instant());
        return moved;
    }

    /** The patient confirms the visit at the time it now starts: kept, audited and on the board. */
    private void confirmed(Appointment visit, Instant now) {
        appointments.confirm(visit.id(), visit.confirm(now), now);
        changes.confirmed(visit, PATIENT, now);
    }
}
