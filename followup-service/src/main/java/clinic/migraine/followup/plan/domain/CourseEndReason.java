package clinic.migraine.followup.plan.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a clinician ended the course, as the patient is told it. Eligibility's reason codes (by name, as the
 * decision carries them) fold into these; a code this service does not know is the clinician's decision, told
 * as such rather than guessed.
 */
public enum CourseEndReason {

    /** A medical reason against another injection: a contraindication, an infection at the sites, a caution. */
    MEDICAL("a medical reason makes another injection unsafe for you now; your clinician will explain it"),
    /** The migraine became episodic: the treatment is for chronic migraine only. */
    EPISODIC("your headache diary shows your migraine is now episodic (fewer than 15 headache days a month), "
            + "and this treatment is for chronic migraine"),
    /** The headache days did not fall as far as the payer's continuation rule asks. */
    LITTLE_BENEFIT("your headache diary shows the treatment has not reduced your headache days enough for your "
            + "plan to cover more cycles"),
    /** The payer covers no more cycles. */
    COURSE_LIMIT("your plan covers no more treatment cycles"),
    /** Anything else: the clinician's own decision. */
    CLINICIAN_DECISION("your clinician has decided the course ends here and will explain why");

    private final String told;

    CourseEndReason(String told) {
        this.told = told;
    }

    /** The words the patient reads, lower case, to follow "because". */
    public String told() {
        return told;
    }

    /** The reasons behind a decision's codes; none known → the clinician's decision. */
    public static Set<CourseEndReason> of(Collection<String> reasonCodes) {
        Set<CourseEndReason> reasons = EnumSet.noneOf(CourseEndReason.class);
        for (String code : reasonCodes) {
            reasons.add(ofCode(code));
        }
        if (reasons.isEmpty()) {
            reasons.add(CLINICIAN_DECISION);
        }
        return reasons;
    }

    private static CourseEndReason ofCode(String code) {
        switch (code) {
            case "CONTRAINDICATED", "INJECTION_SITE_INFECTION", "NEUROMUSCULAR_CAUTION", "PREGNANCY_CAUTION",
                    "CONCURRENT_CGRP_ANTIBODY":
                return MEDICAL;
            case "EPISODIC_CONVERSION":
                return EPISODIC;
            case "INSUFFICIENT_RESPONSE":
                return LITTLE_BENEFIT;
            case "COURSE_LIMIT_REACHED":
                return COURSE_LIMIT;
            default:
                return CLINICIAN_DECISION;
        }
    }

    /** Stored as names joined by commas, in the enum's order. */
    public static String store(Set<CourseEndReason> reasons) {
        return String.join(",", reasons.stream().map(Enum::name).toList());
    }

    public static Set<CourseEndReason> read(String stored) {
        Set<CourseEndReason> reasons = EnumSet.noneOf(CourseEndReason.class);
        if (stored != null && !stored.isBlank()) {
            for (String name : stored.split(",")) {
                reasons.add(valueOf(name));
            }
        }
        return reasons;
    }
}
