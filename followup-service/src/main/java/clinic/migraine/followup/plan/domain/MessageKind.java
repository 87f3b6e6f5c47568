package clinic.migraine.followup.plan.domain;

/** What a message is for. The urgent ones protect a patient and are never held or dropped by a setting. */
public enum MessageKind {
    CONFIRMATION, REMINDER, RESCHEDULE_NOTICE, CANCELLATION_NOTICE, CHECK_IN, DIARY_REQUEST, URGENT_ADVICE,
    URGENT_ALERT, COURSE_ENDED;

    public boolean urgent() {
        return this == URGENT_ADVICE || this == URGENT_ALERT;
    }
}
