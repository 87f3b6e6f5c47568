package clinic.migraine.followup.checkin.domain;

import clinic.migraine.domain.Conflict;

/** Another clinician marked the alert handled first; the first one stands. */
public class AlertAlreadyHandled extends Conflict {

    public AlertAlreadyHandled() {
        super("This alert was already handled");
    }

    public AlertAlreadyHandled(String message) {
        super(message);
    }
}
