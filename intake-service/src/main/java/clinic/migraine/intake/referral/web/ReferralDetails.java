package clinic.migraine.intake.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.intake.referral.application.ReferralQueries;
import clinic.migraine.intake.referral.domain.DecisionLine;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.intake.referral.domain.VisitLine;
import clinic.migraine.intake.referral.domain.VisitState;
import clinic.migraine.kit.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the API and the referral page show about one referral, read from the store and the audit trail. */
@Component
class ReferralDetails {

    record Reason(String code, String message) {
    }

    /** The newest decision, for the newest cycle decided. */
    record Eligibility(String outcome, List<Reason> reasons, int cycle) {
    }

    /** {@code providerName}: the provider's name when scheduling gave it, else null. */
    record AppointmentView(UUID id, int cycle, OffsetDateTime start, OffsetDateTime end, String providerId,
            String providerName, String location) {
    }

    /** {@code actor}: the staff account another service reported for the event; null when the system acted. */
    record TimelineEntry(Instant at, String event, String summary, String actor) {
    }

    /** The part of a referral that moves while staff watch it. */
    record Progress(UUID id, ReferralStatus status, Eligibility eligibility, AppointmentView appointment,
            List<TimelineEntry> timeline, List<AuditLines.Line> audit) {
    }

    private final ReferralQueries queries;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ReferralDetails(ReferralQueries queries, AuditTrail auditTrail, Clock clock) {
        this.queries = queries;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    Optional<Referral> referral(UUID id) {
        return queries.find(id);
    }

    @Transactional(readOnly = true)
    Optional<Progress> progress(UUID id) {
        return queries.find(id).map(referral -> {
            List<TimelineEntry> timeline = timeline(id);
            return new Progress(id, referral.status(), eligibility(id), nextAppointment(id), timeline,
                    AuditLines.merge(auditTrail.changesAbout(id), timeline));
        });
    }

    Eligibility eligibility(UUID id) {
        return queries.decisions(id).stream()
                .max(Comparator.comparingInt(DecisionLine::cycle).thenComparing(DecisionLine::occurredAt))
                .map(d -> new Eligibility(d.outcome().name(), d.reasons().stream()
                        .map(r -> new Reason(r.code(), r.message())).toList(), d.cycle()))
                .orElse(null);
    }

    /** The earliest booked visit that has not ended yet. */
    AppointmentView nextAppointment(UUID id) {
        Instant now = clock.instant();
        return queries.visits(id).stream()
                .filter(a -> a.status() == VisitState.BOOKED && a.end().toInstant().isAfter(now))
                .min(Comparator.comparing(VisitLine::start))
                .map(a -> new AppointmentView(a.id(), a.cycle(), a.start(), a.end(), a.providerId(), a.providerName(),
                        a.location()))
                .orElse(null);
    }

    List<TimelineEntry> timeline(UUID id) {
        return queries.timeline(id).stream()
                .map(t -> new TimelineEntry(t.at(), t.event(), t.summary(), t.actor()))
                .toList();
    }

}
