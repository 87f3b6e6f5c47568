package clinic.migraine.followup.plan.domain;

/** How a message reaches its reader. */
public enum Channel {
    EMAIL, SMS
}
