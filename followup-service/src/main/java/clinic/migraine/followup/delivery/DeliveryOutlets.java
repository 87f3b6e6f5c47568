package clinic.migraine.followup.delivery;

import clinic.migraine.calendar.IcsFile;
import clinic.migraine.followup.plan.application.NotDelivered;
import clinic.migraine.followup.plan.application.Outlets;

/** Mail through SMTP and text messages through the configured gateway, as the dispatcher's outlets. */
public class DeliveryOutlets implements Outlets {

    private final Mailer mailer;
    private final SmsGateway sms;

    public DeliveryOutlets(Mailer mailer, SmsGateway sms) {
        this.mailer = mailer;
        this.sms = sms;
    }

    @Override
    public void email(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl) {
        delivered(() -> mailer.send(to, subject, text, html, ics, unsubscribeUrl));
    }

    /** Runs one hand-off to the mail server or the SMS gateway; its refusal becomes the outlet's NotDelivered. */
    private static void delivered(Runnable handOff) {
        try {
            handOff.run();
        } catch (DeliveryException e) {
            throw new NotDelivered(e.getMessage(), e.retryable(), e);
        }
    }

    @Override
    public Session session() {
        Mailer.Connection mail = mailer.connection();
        return new Session() {
            @Override
            public void email(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl) {
                delivered(() -> mail.send(to, subject, text, html, ics, unsubscribeUrl));
            }

            @Override
            public void text(String toE164, String body) {
                DeliveryOutlets.this.text(toE164, body);
            }

            @Override
            public void close() {
                mail.close();
            }
        };
    }

    @Override
    public void text(String toE164, String body) {
        delivered(() -> sms.send(toE164, body));
    }
}
