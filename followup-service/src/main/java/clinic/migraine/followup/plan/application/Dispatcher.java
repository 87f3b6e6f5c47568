package clinic.migraine.followup.plan.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.calendar.CalendarVisit;
import clinic.migraine.calendar.IcsFile;
import clinic.migraine.calendar.Invitations;
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.followup.plan.domain.DeliveryAttempts;
import clinic.migraine.followup.plan.domain.KnownAppointment;
import clinic.migraine.followup.plan.domain.KnownAppointments;
import clinic.migraine.followup.plan.domain.Message;
import clinic.migraine.followup.plan.domain.MessageKind;
import clinic.migraine.followup.plan.domain.MessageStatus;
import clinic.migraine.followup.plan.domain.MessageTimers;
import clinic.migraine.followup.plan.domain.Messages;
import clinic.migraine.followup.plan.domain.PlanEvents;
import clinic.migraine.followup.plan.domain.QuietHours;
import clinic.migraine.followup.plan.domain.SlotOffer;
import clinic.migraine.followup.plan.domain.SlotOffers;
import clinic.migraine.followup.plan.domain.VisitStatus;
import clinic.migraine.kit.patients.PatientDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a due message at most once: claim it (PLANNED → SENDING, committed), check it still makes sense, send,
 * then record SENT and publish PatientNotified in one transaction. A crash between claim and send leaves it
 * SENDING; at the next start such messages become UNKNOWN and are shown to staff rather than resent (a missed
 * reminder is better than a doubled one), except the urgent ones, which go again (a doubled alert is better than a
 * lost one). A retryable failure (mail server down, SMS gateway answering 5xx or
 * 429) returns the message to PLANNED and the timer tries again with growing pauses, up to
 * {@code clinic.followup.delivery-attempts}; then it is recorded FAILED with the reason, for staff to see.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Messages messages;
    private final Contacts contacts;
    private final KnownAppointments appointments;
    private final SlotOffers offers;
    private final PatientDirectory directory;
    private final TransactionTemplate transactions;
    private final Outlets outlets;
    private final PlanEvents events;
    private final PatientLinkUrls links;
    private final DeliveryAttempts attempts;
    private final StaffAddresses staff;
    private final MessageTimers timers;
    private final QuietHours quietHours;
    private final Clock clock;

    /**
     * Where messages to staff go.
     *
     * @param alerts the clinic's urgent alerts (email)
     * @param onCallEmail escalations of an alert nobody acknowledged
     * @param onCallPhone the same by SMS; null when none is configured
     */
    public record StaffAddresses(String alerts, String onCallEmail, String onCallPhone) {
    }

    private final MessageTexts.Clinic clinic;
    private final Invitations invitations;

    public Dispatcher(PatientDirectory directory, Messages messages, Contacts contacts, KnownAppointments appointments,
            SlotOffers offers,
            TransactionTemplate transactions, Outlets outlets, PlanEvents events, PatientLinkUrls links,
            DeliveryAttempts attempts, StaffAddresses staff, MessageTexts.Clinic clinic, MessageTimers timers,
            QuietHours quietHours, Invitations invitations, Clock clock) {
        this.messages = messages;
        this.contacts = contacts;
        this.appointments = appointments;
        this.offers = offers;
        this.directory = directory;
        this.transactions = transactions;
        this.outlets = outlets;
        this.events = events;
        this.links = links;
        this.attempts = attempts;
        this.staff = staff;
        this.clinic = clinic;
        this.timers = timers;
        this.quietHours = quietHours;
        this.invitations = invitations;
        this.clock = clock;
    }

    public void dispatch(UUID messageId) {
        dispatch(messageId, 1);
    }

    /** @param attempt 1 for the first try, counting the retries after a retryable failure */
    public void dispatch(UUID messageId, int attempt) {
        Boolean claimed = transactions.execute(tx -> messages.claim(messageId));
        if (!Boolean.TRUE.equals(claimed)) {
            return;
        }
        Message message = messages.find(messageId).orElseThrow();
        Contact contact = contacts.find(message.referralId()).orElseThrow();
        KnownAppointment appointment = message.appointmentId() == null ? null
                : appointments.find(message.appointmentId()).orElse(null);
        Optional<String> skip = message.reasonNotToSend(contact, appointment, clock.instant());
        if (skip.isPresent()) {
            transactions.executeWithoutResult(tx -> messages.finish(messageId, MessageStatus.DROPPED, skip.get(), null));
            log.info("Message {} ({}) not sent: {}", messageId, message.kind(), skip.get());
            return;
        }
        Optional<Instant> held = message.heldUntil(quietHours, contact, clock.instant());
        if (held.isPresent()) {
            transactions.executeWithoutResult(tx -> {
                messages.postpone(messageId, held.get(), "held until the patient's quiet hours end");
                timers.sendAgainAt(messageId, held.get());
            });
            log.info("Message {} ({}) held until {}: the patient's quiet hours", messageId, message.kind(), held.get());
            return;
        }
        try {
            deliver(message, contact, appointment);
        } catch (NotDelivered e) {
            DeliveryAttempts.Outcome outcome = attempts.afterFailure(e.getMessage(), e.retryable(), attempt);
            transactions.executeWithoutResult(tx -> messages.finish(messageId, outcome.status(), outcome.reason(), null));
            if (outcome.retry()) {
                log.warn("Message {} ({}) will be retried (attempt {} of {}): {}", messageId, message.kind(), attempt,
                        attempts.max(), e.getMessage());
                throw e;
            }
            log.warn("Message {} ({}) failed: {}", messageId, message.kind(), outcome.reason());
            return;
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(tx -> {
            messages.finish(messageId, MessageStatus.SENT, null, sentAt);
            events.messageSent(message.sent(sentAt));
        });
        log.info("Message {} ({}) sent by {}", messageId, message.kind(), message.channel());
    }

    private void deliver(Message m, Contact c, KnownAppointment a) {
        ZoneId zone = ZoneId.of(c.timeZone());
        String link = switch (m.kind()) {
            case CHECK_IN -> links.checkIn(m.id());
            case DIARY_REQUEST -> links.diary(m.id());
            case URGENT_ALERT, ALERT_ESCALATION -> m.referralId().toString();
            case CONFIRMATION, REMINDER, RESCHEDULE_NOTICE -> a == null ? null : a.manageUrl();
            default -> null;
        };
        String when = a == null ? "" : MessageTexts.when(a.start(), ZoneId.of(a.clinicZone()), zone);
        Optional<SlotOffer> offer = m.kind() == MessageKind.SLOT_OFFER && m.appointmentId() != null
                ? offers.find(UUID.fromString(m.label()), m.appointmentId()) : Optional.empty();
        MessageTexts.Text text = offer.isPresent()
                ? MessageTexts.slotOffer(MessageTexts.when(offer.get().start(), ZoneId.of(offer.get().clinicZone()),
                        zone), offer.get().location(), offer.get().offerUrl())
                : m.kind() == MessageKind.COURSE_ENDED
                ? MessageTexts.courseEnded(contacts.courseEndReasons(m.referralId()))
                : m.kind() == MessageKind.CANCELLATION_NOTICE && VisitStatus.NO_SHOW.code().equals(m.label())
                        ? MessageTexts.missedVisit(when)
                        : MessageTexts.of(m.kind(), when, a == null ? "" : a.location(),
                                a == null ? null : a.provider(), link);
        if (!m.kind().toStaff()) {
            text = text.greeting(directory.of(m.referralId()).map(PatientDirectory.Patient::firstName).orElse(null))
                    .signedBy(clinic);
        }
        if (m.kind() == MessageKind.ALERT_ESCALATION) {
            if (m.channel() == Channel.SMS) {
                outlets.text(staff.onCallPhone(), text.subject() + ". " + text.body().replace("\n", " "));
            } else {
                outlets.email(staff.onCallEmail(), text.subject(), text.body(), text.html(null), null, null);
            }
            return;
        }
        if (m.channel() == Channel.SMS) {
            boolean aboutTheVisit = m.kind() == MessageKind.CONFIRMATION || m.kind() == MessageKind.REMINDER
                    || m.kind() == MessageKind.RESCHEDULE_NOTICE;
            outlets.text(c.phone(), text.subject() + ". " + text.body().replace("\n\n", " ").replace("\n", " ")
                    + (aboutTheVisit ? " Reply C to confirm, or R and we will call you about another time." : "")
                    + " Reply STOP to opt out.");
            return;
        }
        boolean toClinic = m.kind() == MessageKind.URGENT_ALERT;
        String unsubscribe = toClinic ? null : links.unsubscribe(m.id());
        outlets.email(toClinic ? staff.alerts() : c.email(), text.subject(), text.text(unsubscribe),
                text.html(unsubscribe), calendarEntry(m, a, c), unsubscribe);
    }

    /**
     * A confirmation, move, cancellation or missed-visit mail carries the visit's calendar entry as it stands when
     * the mail goes (REQUEST, or CANCEL once the visit is off), in the version scheduling counted, so the patient's
     * calendar moves or removes its one entry; other mails carry none.
     */
    private IcsFile calendarEntry(Message m, KnownAppointment a, Contact c) {
        boolean aboutTheVisit = m.kind() == MessageKind.CONFIRMATION || m.kind() == MessageKind.RESCHEDULE_NOTICE
                || m.kind() == MessageKind.CANCELLATION_NOTICE;
        if (a == null || !aboutTheVisit) {
            return null;
        }
        return invitations.write(new CalendarVisit(a.id(), a.sequence() == null ? 0 : a.sequence(), a.cycle(),
                a.start(), a.end(), ZoneId.of(a.clinicZone()), a.provider(), a.location(), c.email(), a.off()),
                clock.instant());
    }
}
