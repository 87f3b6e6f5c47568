package clinic.migraine.followup.plan.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a patient hears and when: a confirmation when booked, reminders before the visit (planned again when it
 * moves), a notice when it is cancelled or missed, a check-in and diary requests after the injection, and the
 * next cycle's check. Offsets are durations so a test can shorten them to seconds while dates stay real.
 *
 * @param minimumInterval the label's interval between two treatments (84 days), from which the next cycle's
 *     earliest date follows
 */
public record MessagePlan(List<Duration> reminderLeadTimes, Duration checkInAfter, Duration diaryEvery,
        int diaryRequests, Duration nextCycleAfter, Duration minimumInterval, QuietHours quietHours,
        Escalation escalation) {

    public MessagePlan {
        reminderLeadTimes = List.copyOf(reminderLeadTimes);
    }

    /** With the clinic's usual escalation: every 15 minutes, 3 times, by email only. */
    public MessagePlan(List<Duration> reminderLeadTimes, Duration checkInAfter, Duration diaryEvery, int diaryRequests,
            Duration nextCycleAfter, Duration minimumInterval, QuietHours quietHours) {
        this(reminderLeadTimes, checkInAfter, diaryEvery, diaryRequests, nextCycleAfter, minimumInterval, quietHours,
                new Escalation(Duration.ofMinutes(15), 3, false));
    }

    /** What follows a treatment: the check-in, the diary requests, and when to ask about the next cycle. */
    public record AfterTreatment(List<PlannedMessage> messages, CycleCheck check, Instant checkAt) {
    }

    /** The confirmation now, and each reminder whose time is still ahead. */
    public List<PlannedMessage> booked(KnownAppointment visit, Instant now) {
        return announcedWithReminders(visit, MessageKind.CONFIRMATION, "booked@" + visit.start(), now);
    }

    /**
     * The patient's contact arrived after scheduling had already booked (the two come on different topics, so
     * either may be first): each booked visit still ahead is announced now, as if it had just been booked. A visit
     * announced before plans nothing twice (the messages are unique per subject, kind, channel and label).
     */
    public List<PlannedMessage> contactArrived(List<KnownAppointment> known, Instant now) {
        List<PlannedMessage> messages = new ArrayList<>();
        for (KnownAppointment visit : known) {
            if (visit.status() == VisitStatus.BOOKED && visit.start().isAfter(now)) {
                messages.addAll(booked(visit, now));
            }
        }
        return List.copyOf(messages);
    }

    /** The notice of the new time now, and the reminders for it (the old ones are cancelled by the caller). */
    public List<PlannedMessage> rescheduled(KnownAppointment visit, Instant now) {
        return announcedWithReminders(visit, MessageKind.RESCHEDULE_NOTICE, "moved@" + visit.start(), now);
    }

    /** The notice that a visit will not take place, cancelled or missed. */
    public PlannedMessage closed(UUID referralId, UUID appointmentId, int cycle, VisitStatus status, Instant now) {
        return new PlannedMessage(referralId, appointmentSubject(appointmentId), MessageKind.CANCELLATION_NOTICE,
                status.code(), appointmentId, cycle, now);
    }

    /**
     * Timed from when the treatment was recorded (right after the visit), so shortened offsets work with real
     * dates: the check-in, the diary requests, and the check of the next cycle.
     */
    public AfterTreatment treated(UUID referralId, int cycle, Instant treatedAt, LocalDate treatmentDate) {
        String subject = "cycle:" + referralId + ":" + cycle;
        List<PlannedMessage> messages = new ArrayList<>();
        messages.add(new PlannedMessage(referralId, subject, MessageKind.AFTERCARE, "day-of-treatment", null, cycle,
                treatedAt));
        messages.add(new PlannedMessage(referralId, subject, MessageKind.CHECK_IN, "after-treatment", null, cycle,
                treatedAt.plus(checkInAfter)));
        for (int i = 1; i <= diaryRequests; i++) {
            messages.add(new PlannedMessage(referralId, subject, MessageKind.DIARY_REQUEST, "diary-" + i, null, cycle,
                    treatedAt.plus(diaryEvery.multipliedBy(i))));
        }
        return new AfterTreatment(List.copyOf(messages), new CycleCheck(referralId, cycle, treatmentDate),
                treatedAt.plus(nextCycleAfter));
    }

    /**
     * The continuation test is eligibility's; a refusal from the second cycle on ends the course. A refusal of the
     * first cycle is no course to end: the patient was never treated here.
     */
    public boolean endsCourse(int cycle, boolean notEligible) {
        return cycle >= 2 && notEligible;
    }

    /** The patient is told the course ends. */
    public PlannedMessage courseEnded(UUID referralId, int cycle, Instant now) {
        return new PlannedMessage(referralId, "course:" + referralId, MessageKind.COURSE_ENDED, "cycle-" + cycle,
                null, cycle, now);
    }

    /**
     * Possible toxin spread reported through the link of message {@code answered}: the clinic is alerted and the
     * patient advised at once, and the on-call staff are sent each escalation in turn until someone acknowledges the
     * alert (which cancels those still ahead).
     */
    public List<PlannedMessage> urgentAnswer(UUID referralId, UUID answered, int cycle, Instant now) {
        String subject = Escalation.subjectOf(answered);
        List<PlannedMessage> messages = new ArrayList<>();
        messages.add(new PlannedMessage(referralId, subject, MessageKind.URGENT_ALERT, "clinic", null, cycle, now));
        messages.add(new PlannedMessage(referralId, subject, MessageKind.URGENT_ADVICE, "patient", null, cycle, now));
        for (int i = 1; i <= escalation.times(); i++) {
            Instant due = now.plus(escalation.every().multipliedBy(i));
            messages.add(new PlannedMessage(referralId, subject, MessageKind.ALERT_ESCALATION, "escalation-" + i, null,
                    cycle, due, Channel.EMAIL));
            if (escalation.bySms()) {
                messages.add(new PlannedMessage(referralId, subject, MessageKind.ALERT_ESCALATION, "escalation-" + i,
                        null, cycle, due, Channel.SMS));
            }
        }
        return List.copyOf(messages);
    }

    /**
     * Places a planned message on its channel (the patient's own unless the plan names one) and out of their quiet
     * hours. The clinic's alert always goes by email; urgent messages ignore quiet hours, safety comes first.
     */
    public Message place(PlannedMessage planned, Contact contact) {
        Channel channel = planned.channel() != null ? planned.channel()
                : planned.kind() == MessageKind.URGENT_ALERT ? Channel.EMAIL : contact.preferredChannel();
        Instant at = planned.kind().urgent() ? planned.due()
                : quietHours.nextAllowed(planned.due(), ZoneId.of(contact.timeZone()));
        return new Message(UUID.randomUUID(), planned.referralId(), planned.subjectKey(), planned.kind(), channel,
                planned.label(), planned.appointmentId(), planned.cycle(), at, MessageStatus.PLANNED, null, null);
    }

    /**
     * The cycle rule: while the patient is still followed up (a contact never heard of counts as followed), the
     * next cycle is due, no earlier than the minimum interval after the last treatment.
     */
    public Optional<CycleDue> nextCycle(CycleCheck check, Optional<Contact> contact, Integer latestHeadacheDays,
            Instant now) {
        if (contact.isPresent() && !contact.get().followedUp()) {
            return Optional.empty();
        }
        return Optional.of(new CycleDue(check.referralId(), check.cycle(), check.treatmentDate(),
                check.treatmentDate().plusDays(minimumInterval.toDays()), latestHeadacheDays, now));
    }

    private List<PlannedMessage> announcedWithReminders(KnownAppointment visit, MessageKind notice, String label,
            Instant now) {
        List<PlannedMessage> messages = new ArrayList<>();
        String subject = appointmentSubject(visit.id());
        messages.add(new PlannedMessage(visit.referralId(), subject, notice, label, visit.id(), visit.cycle(), now));
        for (Duration lead : reminderLeadTimes) {
            Instant due = visit.start().minus(lead);
            if (due.isAfter(now)) {
                messages.add(new PlannedMessage(visit.referralId(), subject, MessageKind.REMINDER,
                        lead + "@" + visit.start(), visit.id(), visit.cycle(), due));
            }
        }
        return List.copyOf(messages);
    }

    private static String appointmentSubject(UUID appointmentId) {
        return "appointment:" + appointmentId;
    }
}
