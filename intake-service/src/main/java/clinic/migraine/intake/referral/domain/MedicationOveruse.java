package clinic.migraine.intake.referral.domain;

/** Acute-medication overuse, and whether it is being managed. */
public enum MedicationOveruse {
    NONE, MANAGED, UNMANAGED
}
