package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.ReasonCode;

/**
 * A cycle the rules could not settle, waiting for a clinician. {@code openReasons} are what it still waits for; a
 * prior authorization clears {@link ReasonCode#PRIOR_AUTH_REQUIRED} and {@link ReasonCode#PRIOR_AUTH_EXPIRED}, a
 * clinician's decision the rest (on a cycle the rules would stop, NOT_ELIGIBLE confirms the end of treatment). Immutable:
 * each method returns the review as it is afterwards.
 */
public record Review(UUID id, UUID referralId, int cycle, ReviewStatus status, List<Decision.Reason> openReasons,
        String policyId, String policyVersion, String authorizationNumber, LocalDate authorizationValidUntil,
        EligibilityOutcome outcome, String note, String clinician, Instant openedAt, Instant closedAt) {

    public Review {
        openReasons = List.copyOf(openReasons);
    }

    /** The review of a cycle the rules sent to a clinician. */
    public static Review open(CycleDecision decision) {
        return new Review(UUID.randomUUID(), decision.referralId(), decision.cycle(), ReviewStatus.OPEN,
                decision.reasons(), decision.policyId(), decision.policyVersion(), null, null, null, null, null,
                decision.decidedAt(), null);
    }

    /** The authorization recorded; when nothing else was open the clinician's decision too (ELIGIBLE). */
    public record Authorized(Review review, Optional<ClinicianDecided> decided) {
    }

    /** A clinician's decision: the review closed, the decision to store and publish, what was reviewed. */
    public record ClinicianDecided(Review review, CycleDecision decision, List<Decision.Reason> reviewed) {
    }

    /**
     * Records the payer's prior authorization for the review's cycle.
     *
     * @param earliest the cycle's earliest treatment day: the authorization must still be valid then
     * @throws ReviewClosed when the review is no longer open
     * @throws RuleBroken when the dates are the wrong way round, it expired before today or before the cycle's
     *         earliest day, or its treatments are all used
     */
    public Authorized authorize(Authorization authorization, LocalDate earliest, LocalDate today, String byClinician,
            Instant now) {
        requireOpen();
        if (authorization.validUntil().isBefore(authorization.validFrom())) {
            throw new RuleBroken("The authorization ends before it begins",
                    new Violation("validUntil", "must not be before validFrom"));
        }
        if (authorization.validUntil().isBefore(today)) {
            throw new RuleBroken("The authorization expired on " + authorization.validUntil(),
                    new Violation("validUntil", "must not be in the past"));
        }
        if (!authorization.coversFrom(earliest)) {
            throw new RuleBroken("The authorization ends on " + authorization.validUntil()
                    + ", before this cycle can be treated (" + earliest + " at the earliest)",
                    new Violation("validUntil", "must be on or after " + earliest));
        }
        if (authorization.usedUp()) {
            throw new RuleBroken("The patient had " + authorization.treatmentsUsed() + " treatments between "
                    + authorization.validFrom() + " and " + authorization.validUntil()
                    + ": this authorization has none left",
                    new Violation("treatmentsAuthorized", "must be more than the " + authorization.treatmentsUsed()
                            + " treatments already given in its dates"));
        }
        List<Decision.Reason> remaining = openReasons.stream().filter(r -> !r.code().authorization()).toList();
        Review authorized = new Review(id, referralId, cycle, status, remaining, policyId, policyVersion,
                authorization.number(), authorization.validUntil(), outcome, note, clinician, openedAt, closedAt);
        if (!remaining.isEmpty()) {
            return new Authorized(authorized, Optional.empty());
        }
        return new Authorized(authorized, Optional.of(authorized.close(EligibilityOutcome.ELIGIBLE,
                "Prior authorization valid " + authorization.validFrom() + " to " + authorization.validUntil() + ", "
                        + authorization.treatmentsLeft() + " of " + authorization.treatmentsAuthorized()
                        + " treatments left", byClinician, now, openReasons, authorization)));
    }

    /**
     * A clinician decides everything the review still waits for, except a missing or ended prior authorization.
     * NOT_ELIGIBLE on a review of the end of a course confirms the end.
     *
     * @param onFile the authorization an ELIGIBLE decision relies on, when the payer needs one
     * @throws ReviewClosed when the review is no longer open
     * @throws RuleBroken for NEEDS_REVIEW, or ELIGIBLE while the authorization is still missing
     */
    public ClinicianDecided decide(EligibilityOutcome decided, String decisionNote, String byClinician,
            Instant now, Authorization onFile) {
        requireOpen();
        if (decided == EligibilityOutcome.NEEDS_REVIEW) {
            throw new RuleBroken("A clinician decides ELIGIBLE or NOT_ELIGIBLE",
                    new Violation("outcome", "must be ELIGIBLE or NOT_ELIGIBLE"));
        }
        if (decided == EligibilityOutcome.ELIGIBLE && waitsForAuthorization()) {
            throw new RuleBroken("Record the prior authorization before deciding ELIGIBLE",
                    new Violation("outcome", "needs a prior authorization first"));
        }
        return close(decided, decisionNote, byClinician, now, openReasons,
                decided == EligibilityOutcome.ELIGIBLE ? onFile : null);
    }

    /** Whether the review asks a clinician to confirm the end of the patient's treatment. */
    public boolean confirmsEndOfCourse() {
        return CycleDecision.endsCourse(openReasons);
    }

    /** A withdrawn referral's open review closes without a decision. */
    public Review closeForWithdrawal(Instant now) {
        requireOpen();
        return new Review(id, referralId, cycle, ReviewStatus.WITHDRAWN, openReasons, policyId, policyVersion,
                authorizationNumber, authorizationValidUntil, null, "Referral withdrawn", null, openedAt, now);
    }

    public boolean waitsForAuthorization() {
        return openReasons.stream().anyMatch(r -> r.code().authorization());
    }

    /**
     * A NOT_ELIGIBLE decision gives the open reasons as its reasons; an ELIGIBLE one has none. {@code reviewed} is
     * what the review waited for when the clinician acted (the authorization included when it closed the review).
     */
    private ClinicianDecided close(EligibilityOutcome decided, String decisionNote, String byClinician, Instant now,
            List<Decision.Reason> reviewed, Authorization reliedOn) {
        List<Decision.Reason> reasons = decided == EligibilityOutcome.NOT_ELIGIBLE ? openReasons : List.of();
        CycleDecision decision = new CycleDecision(UUID.randomUUID(), referralId, cycle, decided, reasons, policyId,
                policyVersion, DecidedBy.CLINICIAN, byClinician, decisionNote, now, reliedOn);
        Review closed = new Review(id, referralId, cycle, ReviewStatus.CLOSED, openReasons, policyId, policyVersion,
                authorizationNumber, authorizationValidUntil, decided, decisionNote, byClinician, openedAt, now);
        return new ClinicianDecided(closed, decision, reviewed);
    }

    private void requireOpen() {
        if (status != ReviewStatus.OPEN) {
            throw new ReviewClosed(status);
        }
    }
}
