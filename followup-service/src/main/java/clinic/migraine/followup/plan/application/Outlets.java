package clinic.migraine.followup.plan.application;

import clinic.migraine.calendar.IcsFile;

/** How messages leave the service. Implementations throw {@link NotDelivered} when one did not go out. */
public interface Outlets {

    /** @param ics null for no invitation; @param unsubscribeUrl null for none (the clinic's own alerts) */
    void email(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl);

    void text(String toE164, String body);

    /**
     * A batch's way out: its mails go over one connection to the mail server, opened at the first and closed with
     * the session; after a mail that failed, the next one opens a new connection.
     */
    Session session();

    /** Mails over one connection; texts as {@link Outlets#text}. Not for use by several threads at once. */
    interface Session extends AutoCloseable {

        /** As {@link Outlets#email}. */
        void email(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl);

        void text(String toE164, String body);

        @Override
        void close();
    }
}
