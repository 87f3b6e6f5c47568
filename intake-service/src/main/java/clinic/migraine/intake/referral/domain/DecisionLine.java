package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.util.List;

/** An eligibility decision as intake heard of it. */
public record DecisionLine(int cycle, EligibilityOutcome outcome, List<ProgressReport.ReportedReason> reasons,
        Instant occurredAt) {
}
