package clinic.migraine.followup.plan.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import clinic.migraine.followup.plan.domain.MessageSent;
import clinic.migraine.followup.plan.domain.MessageStatus;
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
 * Sends due messages at most once: claim a batch (PLANNED → SENDING, committed), check each still makes sense,
 * mark each as handed (committed) just before it goes to its channel, send them (the mails over one connection),
 * then record what became of each and publish their PatientNotified events in one transaction. A crash between
 * claim and record leaves them SENDING; at the next start those never handed are planned again and the handed ones
 * become UNKNOWN and are shown to staff rather than resent (a missed reminder is better than a doubled
 * one), except the urgent ones, which go again (a doubled alert is better than a lost one). A retryable failure
 * (mail server down, SMS gateway answering 5xx or 429) returns the message to PLANNED, due again after a pause
 * that doubles with each attempt ({@code clinic.followup.retry-backoff}), up to
 * {@code clinic.followup.delivery-attempts}; then it is recorded FAILED with the reason, for staff to see. A
 * message found due inside the patient's quiet hours goes back to PLANNED, due when they end.
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
    private final Duration retryBackoff;
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
            DeliveryAttempts attempts, Duration retryBackoff, StaffAddresses staff, MessageTexts.Clinic clinic,
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
        this.retryBackoff = retryBackoff;
        this.quietHours = quietHours;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due messages in one transaction, sends them (the mails over one connection) and
     * records what became of them, with their PatientNotified events, in one more.
     *
     * @return how many were claimed
     */
    public int dispatchDue(int limit) {
        List<Messages.Claimed> claimed = transactions.execute(tx -> messages.claimDue(clock.instant(), limit));
        send(claimed);
        return claimed.size();
    }

    /** One message, when its own timer (planned before messages were sent by due time) fires. */
    public void dispatch(UUID messageId) {
        send(transactions.execute(tx -> messages.claim(messageId)).stream().toList());
    }

    private void send(List<Messages.Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        List<Messages.Outcome> outcomes = new ArrayList<>(claimed.size());
        List<MessageSent> sent = new ArrayList<>(claimed.size());
        Set<UUID> referrals = claimed.stream().map(c -> c.message().referralId()).collect(Collectors.toSet());
        Set<UUID> visits = claimed.stream().map(c -> c.message().appointmentId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Batch batch = new Batch(contacts.find(referrals), appointments.find(visits), directory.of(referrals));
        try (Outlets.Session session = outlets.session()) {
            for (Messages.Claimed c : claimed) {
                try {
                    Messages.Outcome outcome = send(c.message(), c.attempt(), batch, session);
                    outcomes.add(outcome);
                    if (outcome.status() == MessageStatus.SENT) {
                        sent.add(c.message().sent(outcome.sentAt()));
                    }
                } catch (RuntimeException e) {
                    // left SENDING, as a crash would leave it: never sent twice, shown to staff after the next start
                    log.error("Message {} ({}) could not be handled: {}", c.message().id(), c.message().kind(),
                            e.getClass().getName());
                }
            }
        }
        transactions.executeWithoutResult(tx -> {
            messages.record(outcomes);
            sent.forEach(events::messageSent);
        });
        if (sent.size() > 1) {
            log.info("{} messages sent", sent.size());
        }
    }

    /** What a batch's messages need, each read once for the whole batch. */
    private record Batch(Map<UUID, Contact> contacts, Map<UUID, KnownAppointment> visits,
            Map<UUID, PatientDirectory.Patient> patients) {

        String firstName(UUID referralId) {
            PatientDirectory.Patient patient = patients.get(referralId);
            return patient == null ? null : patient.firstName();
        }
    }

    private Messages.Outcome send(Message message, int attempt, Batch batch, Outlets.Session session) {
        UUID messageId = message.id();
        Contact contact = Optional.ofNullable(batch.contacts().get(message.referralId())).orElseThrow();
        KnownAppointment appointment = message.appointmentId() == null ? null
                : batch.visits().get(message.appointmentId());
        Optional<String> skip = message.reasonNotToSend(contact, appointment, clock.instant());
        if (skip.isPresent()) {
            log.info("Message {} ({}) not sent: {}", messageId, message.kind(), skip.get());
            return Messages.Outcome.finished(messageId, MessageStatus.DROPPED, skip.get());
        }
        Optional<Instant> held = message.heldUntil(quietHours, contact, clock.instant());
        if (held.isPresent()) {
            log.info("Message {} ({}) held until {}: the patient's quiet hours", messageId, message.kind(), held.get());
            return Messages.Outcome.heldUntil(messageId, held.get(), "held until the patient's quiet hours end");
        }
        messages.handing(messageId);
        try {
            deliver(message, contact, appointment, batch.firstName(message.referralId()), session);
        } catch (NotDelivered e) {
            DeliveryAttempts.Outcome outcome = attempts.afterFailure(e.getMessage(), e.retryable(), attempt);
            if (outcome.retry()) {
                Instant again = clock.instant().plus(retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
                log.warn("Message {} ({}) will be retried at {} (attempt {} of {}): {}", messageId, message.kind(),
                        again, attempt, attempts.max(), e.getMessage());
                return Messages.Outcome.retryAt(messageId, again, outcome.reason());
            }
            log.warn("Message {} ({}) failed: {}", messageId, message.kind(), outcome.reason());
            return Messages.Outcome.finished(messageId, outcome.status(), outcome.reason());
        }
        log.debug("Message {} ({}) sent by {}", messageId, message.kind(), message.channel());
        return Messages.Outcome.sent(messageId, clock.instant());
    }

    private void deliver(Message m, Contact c, KnownAppointment a, String firstName, Outlets.Session outlets) {
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
            text = text.greeting(firstName)
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
