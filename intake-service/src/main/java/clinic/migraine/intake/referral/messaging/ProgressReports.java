package clinic.migraine.intake.referral.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.CancelReasonCode;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EventEnvelope;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.PatientNotified;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.intake.referral.domain.EligibilityOutcome;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.intake.referral.domain.ProgressReport.VisitChange;
import clinic.migraine.intake.referral.domain.VisitState;
import org.apache.avro.specific.SpecificRecord;

/** Reads a downstream event as a line of the referral's timeline, in words staff read, and the visit it changes. */
final class ProgressReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);

    private ProgressReports() {
    }

    /** Null for an event type intake does not follow. */
    static ProgressReport of(SpecificRecord event) {
        UUID referralId = EventEnvelope.referralId(event);
        Instant at = EventEnvelope.occurredAt(event);
        UUID eventId = EventEnvelope.eventId(event);
        String name = event.getSchema().getName();
        if (event instanceof EligibilityDetermined e) {
            return new ProgressReport(eventId, referralId, at, name, decisionSummary(e), e.getCycle(),
                    EligibilityOutcome.valueOf(e.getOutcome().name()), e.getReasons().stream()
                            .map(r -> new ProgressReport.ReportedReason(r.getCode().name(), r.getMessage())).toList(),
                    e.getClinician(), null);
        }
        if (event instanceof AppointmentBooked e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " booked for "
                    + local(e.getStart(), e.getClinicTimeZone()) + " with "
                    + provider(e.getProviderName(), e.getProviderId()) + " at " + e.getLocation(), e.getCycle(),
                    e.getActor(), new VisitChange(VisitChange.Kind.BOOKED, e.getAppointmentId(), e.getCycle(),
                            e.getStart(), e.getEnd(), e.getProviderId(), e.getProviderName(), e.getLocation(),
                            e.getClinicTimeZone(), null));
        }
        if (event instanceof AppointmentRescheduled e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " moved from "
                    + local(e.getPreviousStart(), e.getClinicTimeZone()) + " to "
                    + local(e.getStart(), e.getClinicTimeZone()) + " with "
                    + provider(e.getProviderName(), e.getProviderId()), e.getCycle(), e.getActor(),
                    new VisitChange(VisitChange.Kind.MOVED, e.getAppointmentId(), e.getCycle(), e.getStart(),
                            e.getEnd(), e.getProviderId(), e.getProviderName(), e.getLocation(),
                            e.getClinicTimeZone(), null));
        }
        if (event instanceof AppointmentCancelled e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " appointment cancelled by "
                    + e.getCancelledBy() + cancelReason(e.getReasonCode()), e.getCycle(), e.getActor(),
                    ended(e.getAppointmentId(), e.getCycle(), e.getStart(), VisitState.CANCELLED));
        }
        if (event instanceof AppointmentNoShow e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + ": patient did not come",
                    e.getCycle(), e.getActor(), ended(e.getAppointmentId(), e.getCycle(), e.getStart(), VisitState.NOSHOW));
        }
        if (event instanceof TreatmentCompleted e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " treated on "
                    + e.getTreatmentDate() + ": " + e.getUnits() + " units in " + e.getInjectionSites() + " sites",
                    e.getCycle(), e.getActor(), ended(e.getAppointmentId(), e.getCycle(), e.getTreatedAt(),
                            VisitState.FULFILLED));
        }
        if (event instanceof FollowUpRecorded e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " " + e.getKind() + " answered"
                    + (e.getHeadacheDaysLast30() == null ? "" : ": " + e.getHeadacheDaysLast30()
                            + " headache days in the last 30")
                    + (e.getUrgent() ? " (URGENT side effects reported)" : ""), e.getCycle(), null, null);
        }
        if (event instanceof NextCycleDue e) {
            return line(eventId, referralId, at, name, "Cycle " + e.getNextCycle() + " due from "
                    + e.getEarliestDate(), e.getNextCycle(), null, null);
        }
        if (event instanceof PatientNotified e) {
            return line(eventId, referralId, at, name, "Patient sent " + e.getKind() + " by " + e.getChannel(),
                    e.getCycle(), null, null);
        }
        return null;
    }

    private static String decisionSummary(EligibilityDetermined e) {
        String reasons = e.getReasons().isEmpty() ? ""
                : " (" + e.getReasons().stream().map(r -> r.getCode().name()).collect(Collectors.joining(", ")) + ")";
        String decidedBy = e.getClinician() == null ? e.getDecidedBy().name() : e.getClinician();
        return "Cycle " + e.getCycle() + ": " + e.getOutcome() + reasons + " under " + e.getPolicyId() + " v"
                + e.getPolicyVersion() + ", decided by " + decidedBy;
    }

    private static ProgressReport line(UUID eventId, UUID referralId, Instant at, String event, String summary,
            Integer cycle, String actor, VisitChange visit) {
        return new ProgressReport(eventId, referralId, at, event, summary, cycle, null, List.of(), actor, visit);
    }

    /** An ended visit's start is all the event says of it; the rest stays as the booking gave it. */
    private static VisitChange ended(UUID appointmentId, int cycle, Instant start, VisitState status) {
        return new VisitChange(VisitChange.Kind.ENDED, appointmentId, cycle, start, start, null, null, null, null,
                status);
    }

    /** The provider's name when scheduling gave it, else its id. */
    private static String provider(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String local(Instant instant, String zone) {
        return WHEN.format(instant.atZone(ZoneId.of(zone)));
    }

    /** The reason as the code says it; what staff typed is kept by scheduling and not sent here. */
    static String cancelReason(CancelReasonCode code) {
        return switch (code) {
            case STAFF_ENTERED -> " (reason recorded in scheduling)";
            case PATIENT_LINK -> " (from the patient's own link)";
            case REFERRAL_WITHDRAWN -> " (referral withdrawn)";
            case UNKNOWN -> "";
        };
    }
}
