package clinic.migraine.followup.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.NotificationKind;
import clinic.migraine.events.PatientNotified;
import clinic.migraine.followup.FollowupProperties;
import clinic.migraine.followup.checkin.LinkTokens;
import clinic.migraine.followup.checkin.PatientLinks;
import clinic.migraine.followup.delivery.DeliveryException;
import clinic.migraine.followup.delivery.Mailer;
import clinic.migraine.followup.delivery.SmsGateway;
import clinic.migraine.kit.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a due message at most once: claim it (PLANNED → SENDING, committed), check it still makes sense, send,
 * then record SENT and publish PatientNotified in one transaction. A crash between claim and send leaves it
 * SENDING; at the next start such messages become UNKNOWN and are shown to staff rather than resent (a missed
 * reminder is better than a doubled one). A retryable failure (mail server down, SMS gateway answering 5xx or
 * 429) returns the message to PLANNED and the timer tries again with growing pauses, up to
 * {@code clinic.followup.delivery-attempts}; then it is recorded FAILED with the reason, for staff to see.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final FollowupStore store;
    private final TransactionTemplate transactions;
    private final Mailer mailer;
    private final SmsGateway sms;
    private final Outbox outbox;
    private final PatientLinks links;
    private final FollowupProperties properties;
    private final Clock clock;

    public Dispatcher(FollowupStore store, TransactionTemplate transactions, Mailer mailer, SmsGateway sms, Outbox outbox,
            PatientLinks links, FollowupProperties properties, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.mailer = mailer;
        this.sms = sms;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    public void dispatch(UUID messageId) {
        dispatch(messageId, 1);
    }

    /** @param attempt 1 for the first try, counting the retries after a retryable failure */
    public void dispatch(UUID messageId, int attempt) {
        Boolean claimed = transactions.execute(tx -> store.claim(messageId));
        if (!Boolean.TRUE.equals(claimed)) {
            return;
        }
        FollowupStore.Message message = store.message(messageId).orElseThrow();
        FollowupStore.Contact contact = store.contact(message.referralId()).orElseThrow();
        FollowupStore.KnownAppointment appointment = message.appointmentId() == null ? null
                : store.appointment(message.appointmentId()).orElse(null);
        String skip = reasonNotToSend(message, contact, appointment);
        if (skip != null) {
            transactions.executeWithoutResult(tx -> store.finish(messageId, "DROPPED", skip, null));
            log.info("Message {} ({}) not sent: {}", messageId, message.kind(), skip);
            return;
        }
        try {
            deliver(message, contact, appointment);
        } catch (DeliveryException e) {
            if (e.retryable() && attempt < properties.deliveryAttempts()) {
                transactions.executeWithoutResult(tx -> store.finish(messageId, "PLANNED", e.getMessage(), null));
                log.warn("Message {} ({}) will be retried (attempt {} of {}): {}", messageId, message.kind(), attempt,
                        properties.deliveryAttempts(), e.getMessage());
                throw e;
            }
            if (e.retryable()) {
                String reason = e.getMessage() + "; gave up after " + attempt + " attempts";
                transactions.executeWithoutResult(tx -> store.finish(messageId, "FAILED", reason, null));
                log.warn("Message {} ({}) failed: {}", messageId, message.kind(), reason);
                return;
            }
            transactions.executeWithoutResult(tx -> store.finish(messageId, "FAILED", e.getMessage(), null));
            log.warn("Message {} ({}) failed: {}", messageId, message.kind(), e.getMessage());
            return;
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.finish(messageId, "SENT", null, sentAt);
            outbox.publish(PatientNotified.newBuilder()
                    .setEventId(UUID.nameUUIDFromBytes(("notified:" + messageId).getBytes()))
                    .setOccurredAt(sentAt).setReferralId(message.referralId())
                    .setKind(NotificationKind.valueOf(message.kind())).setChannel(ContactChannel.valueOf(message.channel()))
                    .setSentAt(sentAt).setAppointmentId(message.appointmentId()).setCycle(message.cycle()).build());
        });
        log.info("Message {} ({}) sent by {}", messageId, message.kind(), message.channel());
    }

    private String reasonNotToSend(FollowupStore.Message m, FollowupStore.Contact c, FollowupStore.KnownAppointment a) {
        if (m.kind().equals("URGENT_ALERT")) {
            return null;
        }
        if ("EMAIL".equals(m.channel()) && (c.emailOptedOut() || c.email() == null)) {
            return c.email() == null ? "no email address" : "patient opted out of email";
        }
        if ("SMS".equals(m.channel()) && (c.smsOptedOut() || c.phone() == null)) {
            return c.phone() == null ? "no phone number" : "patient opted out of SMS";
        }
        if (m.kind().equals("REMINDER")) {
            if (a == null || !"booked".equals(a.status())) {
                return "visit no longer booked";
            }
            if (!a.start().isAfter(clock.instant())) {
                return "visit already passed";
            }
        }
        if (c.withdrawn() && !m.kind().equals("CANCELLATION_NOTICE")) {
            return "referral withdrawn";
        }
        return null;
    }

    private void deliver(FollowupStore.Message m, FollowupStore.Contact c, FollowupStore.KnownAppointment a) {
        ZoneId zone = ZoneId.of(c.timeZone());
        String link = switch (m.kind()) {
            case "CHECK_IN" -> links.url(LinkTokens.Purpose.CHECK_IN, m.id());
            case "DIARY_REQUEST" -> links.url(LinkTokens.Purpose.DIARY, m.id());
            case "URGENT_ALERT" -> m.referralId().toString();
            default -> null;
        };
        MessageTexts.Text text = MessageTexts.of(m.kind(), a == null ? "" : MessageTexts.when(a.start(), zone),
                a == null ? "" : a.location(), a == null ? null : a.provider(), link);
        if ("SMS".equals(m.channel())) {
            sms.send(c.phone(), text.subject() + ". " + text.body().replace("\n\n", " ").replace("\n", " ")
                    + " Reply STOP to opt out.");
            return;
        }
        boolean toClinic = m.kind().equals("URGENT_ALERT");
        String unsubscribe = toClinic ? null : links.url(LinkTokens.Purpose.UNSUBSCRIBE, m.id());
        boolean invitation = a != null && (m.kind().equals("CONFIRMATION") || m.kind().equals("RESCHEDULE_NOTICE"));
        mailer.send(toClinic ? properties.alertAddress() : c.email(), text.subject(), text.text(unsubscribe),
                text.html(unsubscribe), invitation ? Invitation.of(a, clock.instant()) : null, unsubscribe);
    }
}
