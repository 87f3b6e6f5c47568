package clinic.migraine.intake.referral.domain;

/** Conditions that rule Botox out or call for a clinician's judgement. */
public enum Contraindication {
    BOTULINUM_HYPERSENSITIVITY, INJECTION_SITE_INFECTION, NEUROMUSCULAR_DISORDER, PREGNANCY
}
