package clinic.migraine.followup.plan.application;

import clinic.migraine.calendar.IcsFile;

/** How messages leave the service. Implementations throw {@link NotDelivered} when one did not go out. */
public interface Outlets {

    /** @param ics null for no invitation; @param unsubscribeUrl null for none (the clinic's own alerts) */
    void email(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl);

    void text(String toE164, String body);
}
