package clinic.migraine.intake.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.intake.referral.ReferralStatus;
import clinic.migraine.intake.referral.persistence.ReferralStore;
import clinic.migraine.kit.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** What the API and the referral page show about one referral, read from the store and the audit trail. */
@Component
class ReferralDetails {

    record Reason(String code, String message) {
    }

    /** The newest decision, for the newest cycle decided. */
    record Eligibility(String outcome, List<Reason> reasons, int cycle) {
    }

    /** {@code providerName}: the provider's name when scheduling gave it, else null. */
    record Appointment(UUID id, int cycle, OffsetDateTime start, OffsetDateTime end, String providerId,
            String providerName, String location) {
    }

    /** {@code actor}: the staff account another service reported for the event; null when the system acted. */
    record TimelineEntry(Instant at, String event, String summary, String actor) {
    }

    /** The part of a referral that moves while staff watch it. */
    record Progress(UUID id, ReferralStatus status, Eligibility eligibility, Appointment appointment,
            List<TimelineEntry> timeline, List<AuditLines.Line> audit) {
    }

    private final ReferralStore store;
    private final AuditTrail auditTrail;
    private final JsonMapper json;
    private final Clock clock;

    ReferralDetails(ReferralStore store, AuditTrail auditTrail, JsonMapper json, Clock clock) {
        this.store = store;
        this.auditTrail = auditTrail;
        this.json = json;
        this.clock = clock;
    }

    Optional<ReferralStore.StoredReferral> referral(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    Optional<Progress> progress(UUID id) {
        return store.find(id).map(referral -> {
            List<TimelineEntry> timeline = timeline(id);
            return new Progress(id, referral.status(), eligibility(id), nextAppointment(id), timeline,
                    AuditLines.merge(auditTrail.about(id), timeline));
        });
    }

    Eligibility eligibility(UUID id) {
        return store.decisions(id).stream()
                .max(Comparator.comparingInt(ReferralStore.Decision::cycle)
                        .thenComparing(ReferralStore.Decision::occurredAt))
                .map(d -> new Eligibility(d.outcome(), reasons(d.reasonsJson()), d.cycle()))
                .orElse(null);
    }

    /** The earliest booked visit that has not ended yet. */
    Appointment nextAppointment(UUID id) {
        Instant now = clock.instant();
        return store.appointments(id).stream()
                .filter(a -> "BOOKED".equals(a.status()) && a.end().toInstant().isAfter(now))
                .min(Comparator.comparing(ReferralStore.Appointment::start))
                .map(a -> new Appointment(a.id(), a.cycle(), a.start(), a.end(), a.providerId(), a.providerName(),
                        a.location()))
                .orElse(null);
    }

    List<TimelineEntry> timeline(UUID id) {
        return store.timeline(id).stream()
                .map(t -> new TimelineEntry(t.at(), t.event(), t.summary(), t.actor()))
                .toList();
    }

    private List<Reason> reasons(String reasonsJson) {
        if (reasonsJson == null) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>();
        json.readTree(reasonsJson).forEach(node -> reasons.add(new Reason(node.get("code").asString(),
                node.get("message").asString())));
        return reasons;
    }
}
