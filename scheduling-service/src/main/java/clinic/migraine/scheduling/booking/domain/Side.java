package clinic.migraine.scheduling.booking.domain;

/** Where on the muscle: one side, both, or the midline (procerus). */
public enum Side {
    LEFT, RIGHT, BILATERAL, MIDLINE
}
