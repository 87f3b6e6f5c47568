package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Applicant;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Coverage;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.PolicyEngine;
import clinic.migraine.eligibility.policy.domain.Policies;

/**
 * What eligibility knows of a referral: its payer policy, baseline facts, and the patient's treatment so far:
 * treatments across their referrals and elsewhere, this referral's diary reports by cycle, the payer's prior
 * authorization on file.
 *
 * @param patientTreatments the patient's treatments, here (every referral) and elsewhere
 * @param lastTreatmentDay the patient's latest treatment, here or elsewhere; null when none is known
 * @param reports this referral's diary reports, any order
 * @param authorization the newest prior authorization on file for the patient and this payer; null when none
 */
public record ReferralCase(UUID referralId, String policyId, Baseline baseline, boolean withdrawn,
        int patientTreatments, LocalDate lastTreatmentDay, List<DiaryReport> reports, Authorization authorization) {

    /** Treatments must be at least this far apart. */
    public static final int MINIMUM_INTERVAL_DAYS = 84;

    public ReferralCase {
        reports = reports.stream().sorted(Comparator.comparing(DiaryReport::reportedAt)).toList();
    }

    /**
     * Decides a cycle by the case's payer policy (the label criteria and a clinician when the policy is unknown).
     * Asking for cycle n means n - 1 were treated, even when a treatment event has not arrived yet.
     *
     * @param requestReport headache days the request for the cycle brought, used only when no report of the
     *        previous cycle has arrived yet; null when none
     * @param requestEarliest the earliest day the request names (null: 84 days after the last treatment known)
     */
    public CycleDecision decide(int cycle, Integer requestReport, LocalDate requestEarliest, Policies policies,
            LocalDate today, Instant now) {
        int completed = Math.max(patientTreatments, cycle - 1);
        List<Integer> cycleReports = new ArrayList<>(reports.stream().filter(r -> r.cycle() == cycle - 1)
                .map(DiaryReport::headacheDays).toList());
        List<Integer> recent = new ArrayList<>(reports.stream().map(DiaryReport::headacheDays).toList());
        if (cycleReports.isEmpty() && requestReport != null && cycle > 1) {
            cycleReports.add(requestReport);
            recent.add(requestReport);
        }
        Applicant applicant = baseline.applicant(new Applicant.TreatmentHistory(completed,
                baseline.headacheDaysPerMonth() == null ? 0 : baseline.headacheDaysPerMonth(), cycleReports, recent));
        Decision decision = PolicyEngine.decide(policies.find(policyId).orElse(null), policyId, applicant, cycle,
                today, policies.label(), new Coverage(authorization, earliestTreatment(requestEarliest, today)),
                policies.drugs());
        if (decision.outcome() == EligibilityOutcome.NOT_ELIGIBLE && completed > 0) {
            return CycleDecision.endOfCourseToConfirm(referralId, cycle, decision, now);
        }
        return CycleDecision.byRules(referralId, cycle, decision, now);
    }

    /**
     * The authorization on file when it can still cover the next treatment: not ended before its earliest day and a
     * treatment left; otherwise null.
     */
    public Authorization authorizationStillValid(LocalDate today) {
        return authorization == null || authorization.usedUp()
                || !authorization.coversFrom(earliestTreatment(null, today)) ? null : authorization;
    }

    /** The first day the next treatment may be given: today, or 84 days after the last one when that is later. */
    public LocalDate earliestTreatment(LocalDate requestEarliest, LocalDate today) {
        LocalDate earliest = today;
        if (lastTreatmentDay != null && lastTreatmentDay.plusDays(MINIMUM_INTERVAL_DAYS).isAfter(earliest)) {
            earliest = lastTreatmentDay.plusDays(MINIMUM_INTERVAL_DAYS);
        }
        if (requestEarliest != null && requestEarliest.isAfter(earliest)) {
            earliest = requestEarliest;
        }
        return earliest;
    }
}
