package clinic.migraine.followup.checkin.domain;

import clinic.migraine.domain.Conflict;

/** The link was used already; the first answer stands. */
public class AlreadyAnswered extends Conflict {

    public AlreadyAnswered() {
        super("This form was already answered");
    }
}
