package clinic.migraine.followup.plan.domain;

/**
 * What a message is for. The urgent ones protect a patient and are never held, dropped or cancelled by a setting,
 * a withdrawal or the end of a course: the advice to the patient, the alert to the clinic, and the alert's
 * escalation to the on-call staff while nobody has acknowledged it.
 */
public enum MessageKind {
    CONFIRMATION, REMINDER, RESCHEDULE_NOTICE, CANCELLATION_NOTICE, CHECK_IN, DIARY_REQUEST, URGENT_ADVICE,
    URGENT_ALERT, COURSE_ENDED, ALERT_ESCALATION, AFTERCARE,
    /** An earlier slot is free and offered to the patient: the first to take it gets it. */
    SLOT_OFFER;

    public boolean urgent() {
        return this == URGENT_ADVICE || this == URGENT_ALERT || this == ALERT_ESCALATION;
    }

    /** To the clinic's staff, not to the patient: no opt-out, no unsubscribe link. */
    public boolean toStaff() {
        return this == URGENT_ALERT || this == ALERT_ESCALATION;
    }
}
