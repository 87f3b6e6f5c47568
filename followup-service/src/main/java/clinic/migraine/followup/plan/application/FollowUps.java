package clinic.migraine.followup.plan.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.followup.plan.domain.CourseEndReason;
import clinic.migraine.followup.plan.domain.CycleCheck;
import clinic.migraine.followup.plan.domain.HeadacheDiary;
import clinic.migraine.followup.plan.domain.KnownAppointment;
import clinic.migraine.followup.plan.domain.KnownAppointments;
import clinic.migraine.followup.plan.domain.Message;
import clinic.migraine.followup.plan.domain.MessagePlan;
import clinic.migraine.followup.plan.domain.MessageTimers;
import clinic.migraine.followup.plan.domain.Messages;
import clinic.migraine.followup.plan.domain.PlanEvents;
import clinic.migraine.followup.plan.domain.PlannedMessage;
import clinic.migraine.followup.plan.domain.SlotOffer;
import clinic.migraine.followup.plan.domain.SlotOffers;
import clinic.migraine.followup.plan.domain.VisitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happens to a patient into a plan of messages and timers: a confirmation when booked, reminders
 * before the visit (moved when it moves, cancelled when it is), a check-in and diary requests after the
 * injection (every 28 days), and the next cycle's check at +56 days, four weeks before the
 * earliest date, leaving time to renew a prior authorization. What is due when is {@link MessagePlan}'s to say.
 */
@Service
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final Contacts contacts;
    private final KnownAppointments appointments;
    private final Messages messages;
    private final MessageTimers timers;
    private final HeadacheDiary diary;
    private final PlanEvents events;
    private final MessagePlan plan;
    private final Clock clock;
    private final SlotOffers offers;

    public FollowUps(Contacts contacts, KnownAppointments appointments, Messages messages, MessageTimers timers,
            HeadacheDiary diary, PlanEvents events, MessagePlan plan, Clock clock, SlotOffers offers) {
        this.offers = offers;
        this.contacts = contacts;
        this.appointments = appointments;
        this.messages = messages;
        this.timers = timers;
        this.diary = diary;
        this.events = events;
        this.plan = plan;
        this.clock = clock;
    }

    /** Scheduling offers a waiting patient an earlier slot: they are told at once (outside their quiet hours). */
    @Transactional
    public void slotOffered(SlotOffer offer) {
        if (offers.add(offer)) {
            place(offer.message(clock.instant()));
        }
    }

    @Transactional
    public void recordContact(Contact contact) {
        contacts.holdReferral(contact.referralId());
        if (contacts.saveIfNew(contact)) {
            planAll(plan.contactArrived(appointments.ofReferral(contact.referralId()), clock.instant()));
        }
    }

    @Transactional
    public void appointmentBooked(KnownAppointment visit) {
        contacts.holdReferral(visit.referralId());
        appointments.save(visit);
        planAll(plan.booked(visit, clock.instant()));
        log.info("Referral {} cycle {}: confirmation and reminders planned for appointment {}", visit.referralId(),
                visit.cycle(), visit.id());
    }

    @Transactional
    public void appointmentRescheduled(KnownAppointment visit) {
        contacts.holdReferral(visit.referralId());
        appointments.save(visit);
        messages.cancelPlanned(visit.referralId(), visit.id(), "visit moved");
        planAll(plan.rescheduled(visit, clock.instant()));
    }

    /**
     * The visit was cancelled or missed: its reminders stop and the patient is told; {@code sequence} is the calendar
     * entry's version that removes it (null when scheduling sent none).
     */
    @Transactional
    public void appointmentClosed(UUID referralId, UUID appointmentId, int cycle, VisitStatus status,
            Integer sequence) {
        appointments.recordClosed(appointmentId, status, sequence);
        messages.cancelPlanned(referralId, appointmentId, "visit " + status.code());
        place(plan.closed(referralId, appointmentId, cycle, status, clock.instant()));
    }

    /** @param treatedAt when the treatment was recorded, right after the visit */
    @Transactional
    public void treatmentCompleted(UUID referralId, UUID appointmentId, int cycle, Instant treatedAt,
            LocalDate treatmentDate) {
        appointments.recordStatus(appointmentId, VisitStatus.FULFILLED);
        MessagePlan.AfterTreatment after = plan.treated(referralId, cycle, treatedAt, treatmentDate);
        planAll(after.messages());
        timers.checkCycleAt(after.check(), after.checkAt());
    }

    /**
     * A refusal from the second cycle on ends the course (eligibility publishes it only once a clinician confirmed
     * the end); the patient is told why in the words of {@code reasonCodes}.
     */
    @Transactional
    public void eligibilityDetermined(UUID referralId, int cycle, boolean notEligible, List<String> reasonCodes) {
        if (plan.endsCourse(cycle, notEligible)) {
            contacts.markCourseEnded(referralId, CourseEndReason.of(reasonCodes));
            messages.cancelPlanned(referralId, null, "course ended");
            place(plan.courseEnded(referralId, cycle, clock.instant()));
        }
    }

    @Transactional
    public void referralWithdrawn(UUID referralId) {
        contacts.markWithdrawn(referralId);
        messages.cancelPlanned(referralId, null, "referral withdrawn");
    }

    /**
     * Possible toxin spread reported through the link of message {@code answered}: alerts the clinic and advises
     * the patient at once, whatever their quiet hours.
     */
    @Transactional
    public void urgentAnswer(UUID referralId, UUID answered, int cycle) {
        planAll(plan.urgentAnswer(referralId, answered, cycle, clock.instant()));
    }

    /** Someone acknowledged the alert of this answer: its escalations still ahead are cancelled. */
    @Transactional
    public void alertAcknowledged(UUID answerId) {
        messages.cancelEscalations(answerId, "alert acknowledged");
    }

    /** How many escalations of the alert of this answer went out. */
    @Transactional(readOnly = true)
    public int escalationsSent(UUID answerId) {
        return messages.escalationsSent(answerId);
    }

    /** At +56 days: asks eligibility about the next cycle (once, whatever happens to the timer). */
    @Transactional
    public void cycleDue(String check) {
        CycleCheck due = CycleCheck.parse(check);
        plan.nextCycle(due, contacts.find(due.referralId()), diary.latestHeadacheDays(due.referralId()).orElse(null),
                clock.instant()).ifPresent(next -> {
                    events.cycleDue(next);
                    log.info("Referral {}: cycle {} due", next.referralId(), next.nextCycle());
                });
    }

    private void planAll(List<PlannedMessage> planned) {
        planned.forEach(this::place);
    }

    /** Plans one message on the patient's channel, held out of their quiet hours, with its timer. */
    private void place(PlannedMessage planned) {
        Optional<Contact> contact = contacts.find(planned.referralId());
        if (contact.isEmpty()) {
            log.warn("No contact for referral {}; {} not planned", planned.referralId(), planned.kind());
            return;
        }
        Message message = plan.place(planned, contact.get());
        if (messages.planIfNew(message, clock.instant())) {
            timers.sendAt(message.id(), message.dueAt());
        }
    }
}
