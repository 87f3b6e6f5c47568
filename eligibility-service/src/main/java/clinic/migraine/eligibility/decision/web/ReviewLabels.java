package clinic.migraine.eligibility.decision.web;

import clinic.migraine.eligibility.policy.domain.Contraindication;
import clinic.migraine.eligibility.policy.domain.DrugClass;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.ReasonCode;
import clinic.migraine.eligibility.policy.domain.TrialResult;
import org.springframework.stereotype.Component;

/**
 * Plain-English names for the codes a review shows; templates call {@code ${@reviewLabels.reason(code)}}. The
 * switches name every value, so a new code in the schemas does not compile until it has a label here.
 */
@Component("reviewLabels")
public class ReviewLabels {

    /** A few words for a reason code, as the queue lists it; the code itself for one this version does not know. */
    public String reason(String code) {
        ReasonCode known;
        try {
            known = ReasonCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(code);
        }
        return switch (known) {
            case AGE_BELOW_MINIMUM -> "Below minimum age";
            case HEADACHE_DAYS_BELOW_MINIMUM -> "Too few headache days";
            case MIGRAINE_DAYS_BELOW_MINIMUM -> "Too few migraine days";
            case DURATION_BELOW_MINIMUM -> "Chronic migraine too recent";
            case DIAGNOSIS_NOT_COVERED -> "Diagnosis not covered";
            case INSUFFICIENT_PREVENTIVE_TRIALS -> "Too few preventive trials";
            case MEDICATION_OVERUSE_UNMANAGED -> "Medication overuse not managed";
            case CONCURRENT_CGRP_ANTIBODY -> "Takes a CGRP antibody";
            case CONTRAINDICATED -> "Contraindicated";
            case INSUFFICIENT_RESPONSE -> "Too little response";
            case COURSE_LIMIT_REACHED -> "Course limit reached";
            case PRIOR_AUTH_REQUIRED -> "Prior authorization needed";
            case PRIOR_AUTH_EXPIRED -> "Prior authorization expired or used up";
            case EPISODIC_CONVERSION -> "Migraine now episodic";
            case INJECTION_SITE_INFECTION -> "Injection-site infection";
            case NEUROMUSCULAR_CAUTION -> "Neuromuscular disorder";
            case PREGNANCY_CAUTION -> "Pregnancy";
            case MISSING_CLINICAL_DATA -> "Clinical data missing";
            case UNKNOWN_PAYER_POLICY -> "Payer policy unknown";
            case OTHER -> "Other";
        };
    }

    public String outcome(String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "ELIGIBLE" -> "Eligible";
            case "NOT_ELIGIBLE" -> "Not eligible";
            case "NEEDS_REVIEW" -> "Needs review";
            case "WITHDRAWN" -> "Withdrawn";
            default -> outcome;
        };
    }

    public String drugClass(DrugClass drugClass) {
        if (drugClass == null) {
            return "";
        }
        return switch (drugClass) {
            case BETA_BLOCKER -> "Beta blocker";
            case ANTICONVULSANT -> "Anticonvulsant";
            case TRICYCLIC -> "Tricyclic antidepressant";
            case SNRI -> "SNRI";
            case CALCIUM_CHANNEL_BLOCKER -> "Calcium channel blocker";
            case ARB_ACE -> "ARB or ACE inhibitor";
            case CGRP_ANTIBODY -> "CGRP antibody";
            case OTHER -> "Other";
        };
    }

    public String trialResult(TrialResult result) {
        if (result == null) {
            return "";
        }
        return switch (result) {
            case INEFFECTIVE -> "Ineffective";
            case NOT_TOLERATED -> "Not tolerated";
            case CONTRAINDICATED -> "Contraindicated";
        };
    }

    public String overuse(MedicationOveruse overuse) {
        if (overuse == null) {
            return "Unknown";
        }
        return switch (overuse) {
            case NONE -> "None";
            case MANAGED -> "Present, managed";
            case UNMANAGED -> "Present, not managed";
        };
    }

    public String contraindication(Contraindication contraindication) {
        return switch (contraindication) {
            case BOTULINUM_HYPERSENSITIVITY -> "Hypersensitivity to botulinum toxin";
            case INJECTION_SITE_INFECTION -> "Infection at the injection sites";
            case NEUROMUSCULAR_DISORDER -> "Neuromuscular disorder";
            case PREGNANCY -> "Pregnancy";
        };
    }
}
