package clinic.migraine.followup.checkin.domain;

/** Which form was answered: the check-in two weeks after the injections, or the headache diary. */
public enum AnswerKind {
    CHECK_IN, DIARY
}
