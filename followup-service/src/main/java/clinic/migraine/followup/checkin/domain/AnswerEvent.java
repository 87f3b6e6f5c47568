package clinic.migraine.followup.checkin.domain;

/** What recording an answer caused. */
public sealed interface AnswerEvent permits AnswerRecorded, UrgentSideEffectsReported {
}
