package clinic.migraine.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.EligibilityProperties;
import clinic.migraine.eligibility.decision.persistence.DecisionStore;
import clinic.migraine.eligibility.policy.Applicant;
import clinic.migraine.eligibility.policy.Decision;
import clinic.migraine.eligibility.policy.PolicyCatalog;
import clinic.migraine.eligibility.policy.PolicyEngine;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.Reason;
import clinic.migraine.events.ReasonCode;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.web.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides each referral's cycles by its payer policy, keeps the facts later cycles are judged on, and runs the
 * clinician review queue. Every decision is stored with its policy version and published through the outbox.
 */
@Service
public class Eligibility {

    private static final Logger log = LoggerFactory.getLogger(Eligibility.class);
    private static final String REVIEW = "review";

    private final DecisionStore store;
    private final PolicyCatalog policies;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final JsonMapper json;
    private final EligibilityProperties properties;
    private final AuditTrail audit;

    public Eligibility(DecisionStore store, PolicyCatalog policies, Outbox outbox, ProcessedEvents processed,
            Clock clock, JsonMapper json, EligibilityProperties properties, AuditTrail audit) {
        this.store = store;
        this.policies = policies;
        this.outbox = outbox;
        this.processed = processed;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        this.audit = audit;
    }

    public record ReasonView(String code, String message) {
    }

    @Transactional
    public void referralSubmitted(ReferralSubmitted event) {
        if (!processed.firstDelivery(event, "referral-submitted")) {
            return;
        }
        StoredApplicant applicant = StoredApplicant.of(event.getDateOfBirth(), event.getDiagnosisCode(),
                event.getClinical());
        if (!store.openCase(event.getReferralId(), event.getPayer().getPolicy(), json.writeValueAsString(applicant),
                event.getOccurredAt())) {
            return;
        }
        decideByRules(event.getReferralId(), 1);
    }

    @Transactional
    public void treatmentCompleted(TreatmentCompleted event) {
        if (processed.firstDelivery(event, "treatment-completed")) {
            store.treated(event.getReferralId(), event.getCycle());
        }
    }

    @Transactional
    public void followUpRecorded(FollowUpRecorded event) {
        if (processed.firstDelivery(event, "follow-up-recorded") && event.getHeadacheDaysLast30() != null) {
            store.latestHeadacheDays(event.getReferralId(), event.getHeadacheDaysLast30(), event.getOccurredAt());
        }
    }

    @Transactional
    public void nextCycleDue(NextCycleDue event) {
        if (!processed.firstDelivery(event, "next-cycle-due")) {
            return;
        }
        if (event.getLatestHeadacheDays() != null) {
            store.latestHeadacheDays(event.getReferralId(), event.getLatestHeadacheDays(), event.getOccurredAt());
        }
        decideByRules(event.getReferralId(), event.getNextCycle());
    }

    @Transactional
    public void referralWithdrawn(ReferralWithdrawn event) {
        if (!processed.firstDelivery(event, "referral-withdrawn")) {
            return;
        }
        store.withdraw(event.getReferralId());
        for (UUID review : store.openReviewsOf(event.getReferralId())) {
            store.close(review, "WITHDRAWN", null, "Referral withdrawn", null, clock.instant());
            audit.recordBy(Actors.SYSTEM, "review closed: referral withdrawn", REVIEW, review, event.getReferralId(),
                    "WITHDRAWN");
        }
    }

    private void decideByRules(UUID referralId, int cycle) {
        DecisionStore.Case c = store.findCase(referralId).orElse(null);
        if (c == null) {
            log.warn("No referral {} known; cycle {} not decided", referralId, cycle);
            return;
        }
        if (c.withdrawn()) {
            log.info("Referral {} withdrawn; cycle {} not decided", referralId, cycle);
            return;
        }
        StoredApplicant stored = json.readValue(c.applicantJson(), StoredApplicant.class);
        int completed = Math.max(c.completedCycles(), cycle - 1);
        Applicant applicant = stored.applicant(new Applicant.TreatmentHistory(completed,
                stored.headacheDaysPerMonth() == null ? 0 : stored.headacheDaysPerMonth(), c.latestHeadacheDays()));
        Decision decision = PolicyEngine.decide(policies.find(c.policyId()).orElse(null), c.policyId(), applicant,
                cycle, today(), policies.label());
        Instant now = clock.instant();
        String reasons = reasonsJson(decision.reasons());
        if (!store.insertDecision(new DecisionStore.StoredDecision(UUID.randomUUID(), referralId, cycle,
                decision.outcome().name(), reasons, decision.policyId(), decision.policyVersion(), "RULES", null, null,
                now))) {
            return;
        }
        if (decision.outcome() == EligibilityOutcome.NEEDS_REVIEW) {
            store.openReview(UUID.randomUUID(), referralId, cycle, reasons, decision.policyId(),
                    decision.policyVersion(), now);
        }
        publish(referralId, cycle, decision.outcome(), decision.reasons(), decision.policyId(),
                decision.policyVersion(), DecisionMaker.RULES, null, now);
        log.info("Referral {} cycle {}: {} by rules of {} v{}", referralId, cycle, decision.outcome(),
                decision.policyId(), decision.policyVersion());
    }

    /**
     * Records a prior authorization; if that was all the review waited for, the referral is eligible.
     *
     * @param clinician the signed-in account that records it, named in the decision, the event and the audit trail
     */
    @Transactional
    public DecisionStore.Review authorize(UUID reviewId, String number, LocalDate validUntil, String clinician) {
        DecisionStore.Review review = openReview(reviewId);
        if (validUntil.isBefore(today())) {
            throw DomainProblem.unprocessable("The authorization expired on " + validUntil,
                    List.of(new clinic.migraine.kit.web.FieldError("validUntil", "must not be in the past")));
        }
        List<ReasonView> remaining = new ArrayList<>(reasons(review.openReasonsJson()));
        remaining.removeIf(r -> r.code().equals(ReasonCode.PRIOR_AUTH_REQUIRED.name()));
        store.authorize(reviewId, number, validUntil, json.writeValueAsString(remaining));
        // the authorization number identifies the patient's coverage at the payer: it stays out of the audit detail
        audit.recordBy(clinician, "prior authorization recorded", REVIEW, reviewId, review.referralId(),
                "valid until " + validUntil + "; still open: " + codes(remaining));
        if (remaining.isEmpty()) {
            finish(review, EligibilityOutcome.ELIGIBLE, "Prior authorization " + number + " valid until " + validUntil,
                    clinician);
        }
        return store.review(reviewId, false).orElseThrow();
    }

    /**
     * A clinician's decision on everything the review still waits for, except a missing prior authorization.
     *
     * @param clinician the signed-in account that decides, named in the decision, the event and the audit trail
     */
    @Transactional
    public DecisionStore.Review decide(UUID reviewId, EligibilityOutcome outcome, String note, String clinician) {
        DecisionStore.Review review = openReview(reviewId);
        boolean authorizationMissing = reasons(review.openReasonsJson()).stream()
                .anyMatch(r -> r.code().equals(ReasonCode.PRIOR_AUTH_REQUIRED.name()));
        if (outcome == EligibilityOutcome.ELIGIBLE && authorizationMissing) {
            throw DomainProblem.unprocessable("Record the prior authorization before deciding ELIGIBLE",
                    List.of(new clinic.migraine.kit.web.FieldError("outcome", "needs a prior authorization first")));
        }
        finish(review, outcome, note, clinician);
        return store.review(reviewId, false).orElseThrow();
    }

    private DecisionStore.Review openReview(UUID reviewId) {
        DecisionStore.Review review = store.review(reviewId, true)
                .orElseThrow(() -> DomainProblem.notFound("review", reviewId));
        if (!"OPEN".equals(review.status())) {
            throw new DomainProblem(HttpStatus.CONFLICT, "Review closed", "This review is " + review.status());
        }
        return review;
    }

    private void finish(DecisionStore.Review review, EligibilityOutcome outcome, String note, String clinician) {
        Instant now = clock.instant();
        List<Decision.Reason> reasons = outcome == EligibilityOutcome.NOT_ELIGIBLE
                ? reasons(review.openReasonsJson()).stream()
                        .map(r -> new Decision.Reason(ReasonCode.valueOf(r.code()), r.message())).toList()
                : List.of();
        store.insertDecision(new DecisionStore.StoredDecision(UUID.randomUUID(), review.referralId(), review.cycle(),
                outcome.name(), reasonsJson(reasons), review.policyId(), review.policyVersion(), "CLINICIAN", clinician,
                note, now));
        store.close(review.id(), "CLOSED", outcome.name(), note, clinician, now);
        // the note is free text and may describe the patient: the audit detail keeps to codes
        audit.recordBy(clinician, "review decided: " + outcome.name(), REVIEW, review.id(), review.referralId(),
                "outcome " + outcome.name() + "; cycle " + review.cycle() + "; policy " + review.policyId() + " v"
                        + review.policyVersion() + "; reviewed: " + codes(reasons(review.openReasonsJson())));
        publish(review.referralId(), review.cycle(), outcome, reasons, review.policyId(), review.policyVersion(),
                DecisionMaker.CLINICIAN, clinician, now);
        log.info("Review {} closed: {} by a clinician", review.id(), outcome);
    }

    private void publish(UUID referralId, int cycle, EligibilityOutcome outcome, List<Decision.Reason> reasons,
            String policyId, String policyVersion, DecisionMaker by, String clinician, Instant at) {
        outbox.publish(EligibilityDetermined.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(at).setReferralId(referralId).setCycle(cycle)
                .setOutcome(outcome)
                .setReasons(reasons.stream().map(r -> Reason.newBuilder().setCode(r.code()).setMessage(r.message())
                        .build()).toList())
                .setPolicyId(policyId).setPolicyVersion(policyVersion).setDecidedBy(by).setClinician(clinician)
                .build());
    }

    public List<ReasonView> reasons(String reasonsJson) {
        return json.readValue(reasonsJson, new TypeReference<List<ReasonView>>() { });
    }

    private static String codes(List<ReasonView> reasons) {
        return reasons.isEmpty() ? "none" : String.join(", ", reasons.stream().map(ReasonView::code).toList());
    }

    private String reasonsJson(List<Decision.Reason> reasons) {
        return json.writeValueAsString(reasons.stream().map(r -> new ReasonView(r.code().name(), r.message())).toList());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.clinicTimeZone()));
    }
}
