package clinic.migraine.intake.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EventEnvelope;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.PatientNotified;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.intake.referral.persistence.ReferralStore;
import clinic.migraine.kit.inbox.ProcessedEvents;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what the other services report about a referral: each event once, in any order, onto the timeline
 * and the facts the status is derived from.
 */
@Service
public class ReferralProgress {

    private static final Logger log = LoggerFactory.getLogger(ReferralProgress.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);
    static final String CONSUMER = "referral-progress";

    private final ReferralStore store;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public ReferralProgress(ReferralStore store, ProcessedEvents processed, JsonMapper json) {
        this.store = store;
        this.processed = processed;
        this.json = json;
    }

    @Transactional
    public void apply(SpecificRecord event) {
        if (!processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        UUID referralId = EventEnvelope.referralId(event);
        var referral = store.findForUpdate(referralId);
        if (referral.isEmpty()) {
            log.warn("Event {} is about unknown referral {}; ignored", EventEnvelope.eventId(event), referralId);
            return;
        }
        Instant at = EventEnvelope.occurredAt(event);
        UUID eventId = EventEnvelope.eventId(event);
        String name = event.getSchema().getName();
        ReferralStore.RecordedEvent line;
        if (event instanceof EligibilityDetermined e) {
            line = new ReferralStore.RecordedEvent(eventId, referralId, at, name, decisionSummary(e), e.getCycle(),
                    e.getOutcome().name(), json.writeValueAsString(e.getReasons().stream()
                            .map(r -> new Reason(r.getCode().name(), r.getMessage())).toList()),
                    e.getClinician());
        } else if (event instanceof AppointmentBooked e) {
            store.appointmentBooked(e.getAppointmentId(), referralId, e.getCycle(), e.getStart(), e.getEnd(),
                    e.getProviderId(), e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), at);
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " booked for "
                    + local(e.getStart(), e.getClinicTimeZone()) + " with "
                    + provider(e.getProviderName(), e.getProviderId()) + " at "
                    + e.getLocation(), e.getCycle(), e.getActor());
        } else if (event instanceof AppointmentRescheduled e) {
            store.appointmentMoved(e.getAppointmentId(), referralId, e.getCycle(), e.getStart(), e.getEnd(),
                    e.getProviderId(), e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), at);
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " moved from "
                    + local(e.getPreviousStart(), e.getClinicTimeZone()) + " to "
                    + local(e.getStart(), e.getClinicTimeZone()) + " with "
                    + provider(e.getProviderName(), e.getProviderId()), e.getCycle(), e.getActor());
        } else if (event instanceof AppointmentCancelled e) {
            store.appointmentEnded(e.getAppointmentId(), referralId, e.getCycle(), e.getStart(), "CANCELLED", at);
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " appointment cancelled by "
                    + e.getCancelledBy() + ": " + e.getReason(), e.getCycle(), e.getActor());
        } else if (event instanceof AppointmentNoShow e) {
            store.appointmentEnded(e.getAppointmentId(), referralId, e.getCycle(), e.getStart(), "NOSHOW", at);
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + ": patient did not come",
                    e.getCycle(), e.getActor());
        } else if (event instanceof TreatmentCompleted e) {
            store.appointmentEnded(e.getAppointmentId(), referralId, e.getCycle(), e.getTreatedAt(), "FULFILLED", at);
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " treated on "
                    + e.getTreatmentDate() + ": " + e.getUnits() + " units in " + e.getInjectionSites() + " sites",
                    e.getCycle(), e.getActor());
        } else if (event instanceof FollowUpRecorded e) {
            line = line(eventId, referralId, at, name, "Cycle " + e.getCycle() + " " + e.getKind() + " answered"
                    + (e.getHeadacheDaysLast30() == null ? "" : ": " + e.getHeadacheDaysLast30()
                            + " headache days in the last 30")
                    + (e.getUrgent() ? " (URGENT side effects reported)" : ""), e.getCycle(), null);
        } else if (event instanceof NextCycleDue e) {
            line = line(eventId, referralId, at, name, "Cycle " + e.getNextCycle() + " due from "
                    + e.getEarliestDate(), e.getNextCycle(), null);
        } else if (event instanceof PatientNotified e) {
            line = line(eventId, referralId, at, name, "Patient sent " + e.getKind() + " by " + e.getChannel(),
                    e.getCycle(), null);
        } else {
            log.warn("Event type {} is not followed by intake; ignored", name);
            return;
        }
        store.recordEvent(line);
        ReferralStore.StoredReferral stored = referral.get();
        store.updateStatus(referralId, store.facts(referralId, stored.withdrawnAt() != null).status());
    }

    private static String decisionSummary(EligibilityDetermined e) {
        String reasons = e.getReasons().isEmpty() ? ""
                : " (" + e.getReasons().stream().map(r -> r.getCode().name()).collect(Collectors.joining(", ")) + ")";
        String decidedBy = e.getClinician() == null ? e.getDecidedBy().name() : e.getClinician();
        return "Cycle " + e.getCycle() + ": " + e.getOutcome() + reasons + " under " + e.getPolicyId() + " v"
                + e.getPolicyVersion() + ", decided by " + decidedBy;
    }

    private static ReferralStore.RecordedEvent line(UUID eventId, UUID referralId, Instant at, String event,
            String summary, Integer cycle, String actor) {
        return new ReferralStore.RecordedEvent(eventId, referralId, at, event, summary, cycle, null, null, actor);
    }

    /** The provider's name when scheduling gave it, else its id. */
    private static String provider(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String local(Instant instant, String zone) {
        return WHEN.format(instant.atZone(ZoneId.of(zone)));
    }

    public record Reason(String code, String message) {
    }
}
