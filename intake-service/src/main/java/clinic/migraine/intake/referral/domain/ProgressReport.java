package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing that happened to a referral, as a line of its timeline: {@code event} names it, {@code summary} says it
 * in words. A decision carries its outcome and reasons; a booking, move or end of a visit carries the visit.
 * {@code actor} is the staff account that did it, null when the system did.
 */
public record ProgressReport(UUID eventId, UUID referralId, Instant at, String event, String summary, Integer cycle,
        EligibilityOutcome outcome, List<ReportedReason> reasons, String actor, VisitChange visit) {

    public record ReportedReason(String code, String message) {
    }

    /** A visit scheduling booked, moved or ended (CANCELLED, NOSHOW, FULFILLED); later news of it wins. */
    public record VisitChange(Kind kind, UUID appointmentId, int cycle, Instant start, Instant end, String providerId,
            String providerName, String location, String clinicZone, VisitState endStatus) {

        public enum Kind { BOOKED, MOVED, ENDED }
    }
}
