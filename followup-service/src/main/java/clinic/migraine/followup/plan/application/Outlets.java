package clinic.migraine.followup.plan.application;

/** How messages leave the service. Implementations throw {@link NotDelivered} when one did not go out. */
public interface Outlets {

    /** @param ics null for no invitation; @param unsubscribeUrl null for none (the clinic's own alerts) */
    void email(String to, String subject, String text, String html, String ics, String unsubscribeUrl);

    void text(String toE164, String body);
}
