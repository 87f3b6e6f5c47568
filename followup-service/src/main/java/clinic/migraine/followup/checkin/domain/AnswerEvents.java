package clinic.migraine.followup.checkin.domain;

/** Where recorded answers are announced, in the caller's transaction. */
public interface AnswerEvents {

    void answerRecorded(AnswerRecorded recorded);
}
