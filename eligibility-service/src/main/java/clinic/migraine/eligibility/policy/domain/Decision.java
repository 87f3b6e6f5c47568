package clinic.migraine.eligibility.policy.domain;

import java.util.List;


/** The outcome for one cycle with every reason that led to it. */
public record Decision(EligibilityOutcome outcome, List<Reason> reasons, String policyId, String policyVersion) {

    public record Reason(ReasonCode code, String message) {
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(reason -> reason.code() == code);
    }
}
