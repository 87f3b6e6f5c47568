package clinic.migraine.followup.checkin.domain;

import java.util.UUID;

import clinic.migraine.domain.NotFound;

/** The answer raised no alert, so there is nothing to handle. */
public class NotAnAlert extends NotFound {

    public NotAnAlert(UUID answerId) {
        super("alert", answerId);
    }
}
