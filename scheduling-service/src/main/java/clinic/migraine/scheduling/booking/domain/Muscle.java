package clinic.migraine.scheduling.booking.domain;

/** The muscles of the PREEMPT fixed-site protocol, and any other one named in the record. */
public enum Muscle {
    PROCERUS, CORRUGATOR, FRONTALIS, TEMPORALIS, OCCIPITALIS, CERVICAL_PARASPINAL, TRAPEZIUS, OTHER
}
