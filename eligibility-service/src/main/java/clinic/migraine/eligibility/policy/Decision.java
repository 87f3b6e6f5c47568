package clinic.migraine.eligibility.policy;

import java.util.List;

import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReasonCode;

/** The outcome for one cycle with every reason that led to it. */
public record Decision(EligibilityOutcome outcome, List<Reason> reasons, String policyId, String policyVersion) {

    public record Reason(ReasonCode code, String message) {
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(reason -> reason.code() == code);
    }
}
