package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * One message to a patient (or, for an urgent alert, to the clinic). At most one exists per subject, kind,
 * channel and label, so an event delivered twice plans nothing twice.
 */
public record Message(UUID id, UUID referralId, String subjectKey, MessageKind kind, Channel channel, String label,
        UUID appointmentId, Integer cycle, Instant dueAt, MessageStatus status, String reason, Instant sentAt) {

    /**
     * Why this message should not go out now that it is due, if so. An urgent alert to the clinic and its
     * escalations always go (an acknowledged alert's escalations were cancelled before they were due). The
     * urgent advice to the patient (possible toxin spread: seek care now) protects them, so neither an opt-out nor
     * a withdrawn referral silences it; only a missing address does. A cancellation notice still reaches a patient
     * whose referral was withdrawn; a reminder only goes while its visit is booked and ahead.
     */
    public Optional<String> reasonNotToSend(Contact contact, KnownAppointment appointment, Instant now) {
        if (kind.toStaff()) {
            return Optional.empty();
        }
        if (kind == MessageKind.URGENT_ADVICE) {
            return contact.noAddressFor(channel);
        }
        Optional<String> unreachable = contact.unreachableBy(channel);
        if (unreachable.isPresent()) {
            return unreachable;
        }
        if (kind == MessageKind.REMINDER) {
            if (appointment == null || appointment.status() != VisitStatus.BOOKED) {
                return Optional.of("visit no longer booked");
            }
            if (!appointment.start().isAfter(now)) {
                return Optional.of("visit already passed");
            }
        }
        if (contact.withdrawn() && kind != MessageKind.CANCELLATION_NOTICE) {
            return Optional.of("referral withdrawn");
        }
        return Optional.empty();
    }

    /**
     * A routine message found due inside the patient's quiet hours (a retry after an outage, a backlog after a
     * restart) waits for the end of them; the moment it may go, if it must wait. Urgent messages never wait.
     */
    public Optional<Instant> heldUntil(QuietHours quietHours, Contact contact, Instant now) {
        if (kind.urgent()) {
            return Optional.empty();
        }
        Instant allowed = quietHours.nextAllowed(now, ZoneId.of(contact.timeZone()));
        return allowed.isAfter(now) ? Optional.of(allowed) : Optional.empty();
    }

    /** The event of this message having gone out. */
    public MessageSent sent(Instant at) {
        return new MessageSent(id, referralId, kind, channel, at, appointmentId, cycle);
    }
}
