package clinic.migraine.eligibility.decision.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.eligibility.decision.domain.Authorizations;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.CycleDecisions;
import clinic.migraine.eligibility.decision.domain.ReferralCase;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import clinic.migraine.eligibility.decision.domain.Review;
import clinic.migraine.eligibility.decision.domain.Reviews;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides each referral's cycles by its payer policy, keeps the facts later cycles are judged on, and runs the
 * clinician review queue. Every decision is stored with its policy version and published through the outbox.
 */
@Service
public class Eligibility {

    private static final Logger log = LoggerFactory.getLogger(Eligibility.class);
    private static final String REVIEW = "review";

    private final ReferralCases cases;
    private final Authorizations authorizations;
    private final CycleDecisions decisions;
    private final Reviews reviews;
    private final Policies policies;
    private final DecisionEvents events;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId clinicZone;

    Eligibility(ReferralCases cases, Authorizations authorizations, CycleDecisions decisions, Reviews reviews, Policies policies,
            DecisionEvents events, AuditTrail audit, Clock clock, ClinicZone clinicZone) {
        this.cases = cases;
        this.authorizations = authorizations;
        this.decisions = decisions;
        this.reviews = reviews;
        this.policies = policies;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.clinicZone = clinicZone.zone();
    }

    /** The clinic's time zone: the evaluation date (for ages, for authorizations) is today there. */
    public record ClinicZone(ZoneId zone) {
    }

    /** A new referral: its case is opened and its first course decided (nothing when it was known already). */
    @Transactional
    public void openCase(UUID referralId, String policyId, Baseline baseline, Instant receivedAt) {
        openCase(referralId, null, List.of(), policyId, baseline, receivedAt);
    }

    /**
     * A new referral of a known patient: the patient and the injections the referral reports from elsewhere are
     * kept, so that every decision on it names them.
     */
    @Transactional
    public void openCase(UUID referralId, UUID patientId, List<LocalDate> treatedElsewhere, String policyId,
            Baseline baseline, Instant receivedAt) {
        if (cases.open(referralId, policyId, baseline, receivedAt)) {
            if (patientId != null) {
                cases.recordPatient(referralId, patientId, treatedElsewhere);
            }
            decideByRules(referralId, 1, null, null);
        }
    }

    /** @param day the clinic-local day of the treatment; null from writers before it was sent */
    @Transactional
    public void recordTreatedCycle(UUID referralId, int cycle, LocalDate day) {
        cases.recordTreatedCycle(referralId, cycle, day);
    }

    /** A monthly diary answer after the given cycle's treatment. */
    @Transactional
    public void recordDiaryReport(UUID referralId, int cycle, int headacheDays, Instant at) {
        cases.recordDiaryReport(referralId, cycle, headacheDays, at);
    }

    /**
     * Follow-up asks for the next cycle, with the newest diary's headache days when it has them (used when that
     * diary's own event has not arrived yet) and the earliest day the cycle may be treated.
     */
    @Transactional
    public void nextCycleDue(UUID referralId, int nextCycle, Integer latestHeadacheDays, LocalDate earliestDate) {
        decideByRules(referralId, nextCycle, latestHeadacheDays, earliestDate);
    }

    /** A withdrawn referral is not decided again, and its open reviews close. */
    @Transactional
    public void withdraw(UUID referralId) {
        cases.markWithdrawn(referralId);
        for (Review open : reviews.openOf(referralId)) {
            reviews.save(open.closeForWithdrawal(clock.instant()));
            audit.recordBy(Actors.SYSTEM, "review closed: referral withdrawn", REVIEW, open.id(), referralId,
                    "WITHDRAWN");
        }
    }

    private void decideByRules(UUID referralId, int cycle, Integer requestReport, LocalDate requestEarliest) {
        ReferralCase c = cases.lock(referralId).orElse(null);
        if (c == null) {
            log.warn("No referral {} known; cycle {} not decided", referralId, cycle);
            return;
        }
        if (c.withdrawn()) {
            log.info("Referral {} withdrawn; cycle {} not decided", referralId, cycle);
            return;
        }
        CycleDecision decision = c.decide(cycle, requestReport, requestEarliest, policies, today(), clock.instant());
        if (!decisions.add(decision)) {
            return;
        }
        if (decision.outcome() == EligibilityOutcome.NEEDS_REVIEW) {
            reviews.add(Review.open(decision));
        }
        events.publish(decision);
        log.info("Referral {} cycle {}: {} by rules of {} v{}", referralId, cycle, decision.outcome(),
                decision.policyId(), decision.policyVersion());
    }

    /** What a clinician records of the payer's prior authorization. */
    public record AuthorizationGiven(String number, LocalDate validFrom, LocalDate validUntil,
            int treatmentsAuthorized) {
    }

    /**
     * Records a prior authorization for the review's patient and payer (the treatments it has already covered are
     * counted); if that was all the review waited for, the cycle is eligible.
     *
     * @param clinician the signed-in account that records it, named in the decision, the event and the audit trail
     */
    @Transactional
    public Review authorize(UUID reviewId, AuthorizationGiven given, String clinician) {
        Review open = locked(reviewId);
        ReferralCase c = cases.lock(open.referralId()).orElseThrow(() -> new NotFound("referral", open.referralId()));
        Authorization authorization = new Authorization(given.number(), given.validFrom(), given.validUntil(),
                given.treatmentsAuthorized(), given.validUntil().isBefore(given.validFrom()) ? 0
                        : authorizations.treatmentsUsed(open.referralId(), given.validFrom(), given.validUntil()));
        Review.Authorized authorized = open.authorize(authorization, c.earliestTreatment(null, today()), today(),
                clinician, clock.instant());
        Review review = authorized.review();
        authorizations.add(new Authorizations.Recorded(UUID.randomUUID(), review.referralId(),
                cases.patientOf(review.referralId()).map(ReferralCases.PatientOfReferral::patientId).orElse(null),
                c.policyId(), authorization, clinician, clock.instant()));
        reviews.save(review);
        // the authorization number identifies the patient's coverage at the payer: it stays out of the audit detail
        audit.recordBy(clinician, "prior authorization recorded", REVIEW, reviewId, review.referralId(),
                "valid " + given.validFrom() + " to " + given.validUntil() + "; treatments "
                        + authorization.treatmentsLeft() + " of " + given.treatmentsAuthorized() + " left; still open: "
                        + codes(review.openReasons()));
        return authorized.decided().map(this::decided).orElse(review);
    }

    /**
     * A clinician's decision on everything the review still waits for, except a missing prior authorization. On a
     * review of the end of a course, NOT_ELIGIBLE confirms the end and the patient is told why.
     *
     * @param clinician the signed-in account that decides, named in the decision, the event and the audit trail
     */
    @Transactional
    public Review decide(UUID reviewId, EligibilityOutcome outcome, String note, String clinician) {
        Review open = locked(reviewId);
        Authorization onFile = cases.lock(open.referralId()).map(c -> c.authorizationStillValid(today())).orElse(null);
        return decided(open.decide(outcome, note, clinician, clock.instant(), onFile));
    }

    /** The renewal worklist: authorizations ending within the days given, or with at most one treatment left. */
    @Transactional(readOnly = true)
    public List<Authorizations.Recorded> expiringAuthorizations(int withinDays, int limit) {
        return authorizations.expiring(today().plusDays(withinDays), 1, limit);
    }

    private Review decided(Review.ClinicianDecided decided) {
        Review review = decided.review();
        CycleDecision decision = decided.decision();
        decisions.add(decision);
        reviews.save(review);
        // the note is free text and may describe the patient: the audit detail keeps to codes
        audit.recordBy(decision.clinician(), "review decided: " + decision.outcome().name(), REVIEW, review.id(),
                review.referralId(), "outcome " + decision.outcome().name() + "; cycle " + review.cycle() + "; policy "
                        + review.policyId() + " v" + review.policyVersion() + "; reviewed: "
                        + codes(decided.reviewed()));
        events.publish(decision);
        log.info("Review {} closed: {} by a clinician", review.id(), decision.outcome());
        return review;
    }

    private Review locked(UUID reviewId) {
        return reviews.lock(reviewId).orElseThrow(() -> new NotFound("review", reviewId));
    }

    private static String codes(List<Decision.Reason> reasons) {
        return reasons.isEmpty() ? "none"
                : String.join(", ", reasons.stream().map(r -> r.code().name()).toList());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(clinicZone));
    }
}
