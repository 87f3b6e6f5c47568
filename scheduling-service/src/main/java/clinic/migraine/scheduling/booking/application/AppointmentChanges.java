package clinic.migraine.scheduling.booking.application;

import java.time.Instant;
import java.time.ZoneId;

import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentEvent;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import clinic.migraine.scheduling.booking.domain.Treatment;
import org.springframework.stereotype.Component;

/**
 * What follows every change of an appointment, in the transaction that saved it: the event goes to the outbox, the
 * audit trail records who did what (as "system" when no one did), and the change is logged, which tells the live
 * feed of every instance once it commits.
 */
@Component
class AppointmentChanges {

    private final AppointmentEvents events;
    private final AuditTrail audit;
    private final ChangeLog changeLog;
    private final RebookingList rebookings;
    private final ZoneId zone;

    AppointmentChanges(AppointmentEvents events, AuditTrail audit, ChangeLog changeLog, RebookingList rebookings,
            BookingRules rules) {
        this.events = events;
        this.rebookings = rebookings;
        this.audit = audit;
        this.changeLog = changeLog;
        this.zone = rules.zone();
    }

    void record(AppointmentEvent event) {
        if (!(event instanceof AppointmentEvent.CheckedIn)) {
            events.publish(event);
        }
        Appointment a = event.appointment();
        if (event instanceof AppointmentEvent.Booked || event instanceof AppointmentEvent.Rescheduled
                || event instanceof AppointmentEvent.Cancelled) {
            // a cycle booked again leaves the rebooking worklist, however it was booked; a visit the patient asked
            // to move leaves it once it is moved or called off (a cancellation by the clinic opens it again)
            rebookings.resolve(a.referralId(), a.cycle(), event.at());
        }
        audit.recordBy(event.actor() == null ? Actors.SYSTEM : event.actor(), action(event), "appointment", a.id(),
                a.referralId(), detail(event));
        changeLog.append(a.id(), FeedChange.of(event), event.at());
    }

    /** The patient confirmed the visit: audited and on the board at once; nothing to publish. */
    void confirmed(Appointment a, String actor, Instant at) {
        audit.recordBy(actor, "appointment confirmed", "appointment", a.id(), a.referralId(),
                "confirmed for " + slotText(a.start(), a.providerId()));
        changeLog.append(a.id(), FeedChange.CONFIRMED, at);
    }

    private static String action(AppointmentEvent event) {
        if (event instanceof AppointmentEvent.Booked) {
            return "appointment booked";
        }
        if (event instanceof AppointmentEvent.Rescheduled) {
            return "appointment rescheduled";
        }
        if (event instanceof AppointmentEvent.Cancelled) {
            return "appointment cancelled";
        }
        if (event instanceof AppointmentEvent.CheckedIn) {
            return "appointment checked in";
        }
        if (event instanceof AppointmentEvent.MissedVisit) {
            return "appointment no-show";
        }
        return "treatment completed";
    }

    /** Free text (a cancel reason, the clinician's notes) may name the patient: the trail keeps who and which slot. */
    private String detail(AppointmentEvent event) {
        Appointment a = event.appointment();
        if (event instanceof AppointmentEvent.Booked) {
            return "cycle " + a.cycle() + " at " + slotText(a.start(), a.providerId());
        }
        if (event instanceof AppointmentEvent.Rescheduled moved) {
            return "from " + slotText(moved.previous().start(), moved.previous().providerId()) + " to "
                    + slotText(a.start(), a.providerId());
        }
        if (event instanceof AppointmentEvent.Cancelled) {
            return "cancelled by " + a.cancelledBy() + ", was " + slotText(a.start(), a.providerId());
        }
        if (event instanceof AppointmentEvent.CheckedIn) {
            return "arrived for " + slotText(a.start(), a.providerId());
        }
        if (event instanceof AppointmentEvent.MissedVisit missed) {
            return "no-show " + missed.inARow() + " in a row, was " + slotText(a.start(), a.providerId());
        }
        Treatment t = ((AppointmentEvent.Treated) event).treatment();
        return t.totalUnits() + " U at " + t.totalInjections() + " injection sites, lot " + t.lot() + ", "
                + t.billing().text() + (t.overridden() ? ", above the label's maximum with a stated reason" : "");
    }

    /** "2026-12-08T09:30-08:00 with prov-1": the clinic's wall-clock time and offset. */
    private String slotText(Instant start, String providerId) {
        return start.atZone(zone).toOffsetDateTime() + " with " + providerId;
    }
}
