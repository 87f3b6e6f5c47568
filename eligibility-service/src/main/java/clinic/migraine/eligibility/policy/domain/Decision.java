package clinic.migraine.eligibility.policy.domain;

import java.util.List;


/**
 * The outcome for one cycle with every reason that led to it.
 *
 * @param authorization the payer's prior authorization an ELIGIBLE decision relies on; null when none is needed
 */
public record Decision(EligibilityOutcome outcome, List<Reason> reasons, String policyId, String policyVersion,
        Authorization authorization) {

    public Decision(EligibilityOutcome outcome, List<Reason> reasons, String policyId, String policyVersion) {
        this(outcome, reasons, policyId, policyVersion, null);
    }

    public record Reason(ReasonCode code, String message) {
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(reason -> reason.code() == code);
    }
}
