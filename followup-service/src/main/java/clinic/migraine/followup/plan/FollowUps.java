package clinic.migraine.followup.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.followup.FollowupProperties;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.kit.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happens to a patient into a plan of messages and timers: a confirmation when booked, reminders
 * before the visit (moved when it moves, cancelled when it is), a check-in and diary requests after the
 * injection, and the next cycle's check at +70 days.
 */
@Service
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final FollowupStore store;
    private final Timers timers;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final Clock clock;
    private final FollowupProperties properties;
    private final QuietHours quietHours;

    public FollowUps(FollowupStore store, Timers timers, ProcessedEvents processed, Outbox outbox, Clock clock,
            FollowupProperties properties) {
        this.store = store;
        this.timers = timers;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietFrom(), properties.quietUntil());
    }

    @Transactional
    public void referralSubmitted(ReferralSubmitted e) {
        if (processed.firstDelivery(e, "referral-submitted")) {
            store.saveContact(e.getReferralId(), e.getContact().getEmail(), e.getContact().getPhone(),
                    e.getContact().getTimeZone(), e.getContact().getPreferredChannel().name());
        }
    }

    @Transactional
    public void appointmentBooked(AppointmentBooked e) {
        if (!processed.firstDelivery(e, "appointment-booked")) {
            return;
        }
        store.saveAppointment(new FollowupStore.KnownAppointment(e.getAppointmentId(), e.getReferralId(), e.getCycle(),
                e.getStart(), e.getEnd(), e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), "booked"));
        planNow(e.getReferralId(), "appointment:" + e.getAppointmentId(), "CONFIRMATION", "booked@" + e.getStart(),
                e.getAppointmentId(), e.getCycle());
        planReminders(e.getReferralId(), e.getAppointmentId(), e.getCycle(), e.getStart());
        log.info("Referral {} cycle {}: confirmation and reminders planned for appointment {}", e.getReferralId(),
                e.getCycle(), e.getAppointmentId());
    }

    @Transactional
    public void appointmentRescheduled(AppointmentRescheduled e) {
        if (!processed.firstDelivery(e, "appointment-rescheduled")) {
            return;
        }
        store.saveAppointment(new FollowupStore.KnownAppointment(e.getAppointmentId(), e.getReferralId(), e.getCycle(),
                e.getStart(), e.getEnd(), e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), "booked"));
        store.cancelPlanned(e.getReferralId(), e.getAppointmentId(), "visit moved");
        planNow(e.getReferralId(), "appointment:" + e.getAppointmentId(), "RESCHEDULE_NOTICE", "moved@" + e.getStart(),
                e.getAppointmentId(), e.getCycle());
        planReminders(e.getReferralId(), e.getAppointmentId(), e.getCycle(), e.getStart());
    }

    @Transactional
    public void appointmentCancelled(AppointmentCancelled e) {
        if (processed.firstDelivery(e, "appointment-cancelled")) {
            closeAppointment(e.getReferralId(), e.getAppointmentId(), e.getCycle(), "cancelled");
        }
    }

    @Transactional
    public void appointmentNoShow(AppointmentNoShow e) {
        if (processed.firstDelivery(e, "appointment-no-show")) {
            closeAppointment(e.getReferralId(), e.getAppointmentId(), e.getCycle(), "noshow");
        }
    }

    private void closeAppointment(UUID referralId, UUID appointmentId, int cycle, String status) {
        store.appointmentStatus(appointmentId, status);
        store.cancelPlanned(referralId, appointmentId, "visit " + status);
        planNow(referralId, "appointment:" + appointmentId, "CANCELLATION_NOTICE", status, appointmentId, cycle);
    }

    @Transactional
    public void treatmentCompleted(TreatmentCompleted e) {
        if (!processed.firstDelivery(e, "treatment-completed")) {
            return;
        }
        store.appointmentStatus(e.getAppointmentId(), "fulfilled");
        String subject = "cycle:" + e.getReferralId() + ":" + e.getCycle();
        // timed from when the treatment was recorded (right after the visit), so shortened offsets work with real dates
        Instant treated = e.getOccurredAt();
        plan(e.getReferralId(), subject, "CHECK_IN", "after-treatment", null, e.getCycle(),
                treated.plus(properties.checkInAfter()));
        for (int i = 1; i <= properties.diaryRequests(); i++) {
            plan(e.getReferralId(), subject, "DIARY_REQUEST", "diary-" + i, null, e.getCycle(),
                    treated.plus(properties.diaryEvery().multipliedBy(i)));
        }
        timers.cycleCheckAt(e.getReferralId() + ":" + e.getCycle(),
                e.getReferralId() + "|" + e.getCycle() + "|" + e.getTreatmentDate(),
                treated.plus(properties.nextCycleAfter()));
    }

    @Transactional
    public void eligibilityDetermined(EligibilityDetermined e) {
        if (!processed.firstDelivery(e, "eligibility-determined")) {
            return;
        }
        if (e.getCycle() >= 2 && e.getOutcome() == EligibilityOutcome.NOT_ELIGIBLE) {
            store.markContact(e.getReferralId(), "course-ended");
            store.cancelPlanned(e.getReferralId(), null, "course ended");
            planNow(e.getReferralId(), "course:" + e.getReferralId(), "COURSE_ENDED", "cycle-" + e.getCycle(), null,
                    e.getCycle());
        }
    }

    @Transactional
    public void referralWithdrawn(ReferralWithdrawn e) {
        if (processed.firstDelivery(e, "referral-withdrawn")) {
            store.markContact(e.getReferralId(), "withdrawn");
            store.cancelPlanned(e.getReferralId(), null, "referral withdrawn");
        }
    }

    /** At +70 days: asks eligibility about the next cycle (once, whatever happens to the timer). */
    @Transactional
    public void cycleDue(String data) {
        String[] parts = data.split("\\|");
        UUID referralId = UUID.fromString(parts[0]);
        int cycle = Integer.parseInt(parts[1]);
        LocalDate treated = LocalDate.parse(parts[2]);
        var contact = store.contact(referralId);
        if (contact.isPresent() && (contact.get().withdrawn() || contact.get().courseEnded())) {
            return;
        }
        outbox.publish(NextCycleDue.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("next-cycle:" + referralId + ":" + cycle).getBytes()))
                .setOccurredAt(clock.instant()).setReferralId(referralId).setNextCycle(cycle + 1)
                .setLastTreatmentDate(treated).setEarliestDate(treated.plusDays(properties.minimumInterval().toDays()))
                .setLatestHeadacheDays(store.latestHeadacheDays(referralId).orElse(null)).build());
        log.info("Referral {}: cycle {} due", referralId, cycle + 1);
    }

    private void planReminders(UUID referralId, UUID appointmentId, int cycle, Instant start) {
        for (Duration lead : properties.reminderLeadTimes()) {
            Instant due = start.minus(lead);
            if (due.isAfter(clock.instant())) {
                plan(referralId, "appointment:" + appointmentId, "REMINDER", lead + "@" + start, appointmentId, cycle, due);
            }
        }
    }

    private void planNow(UUID referralId, String subject, String kind, String label, UUID appointmentId, Integer cycle) {
        plan(referralId, subject, kind, label, appointmentId, cycle, clock.instant());
    }

    /** Plans one message on the patient's channel, held out of their quiet hours, with its timer. */
    public void plan(UUID referralId, String subject, String kind, String label, UUID appointmentId, Integer cycle, Instant due) {
        var contact = store.contact(referralId);
        if (contact.isEmpty()) {
            log.warn("No contact for referral {}; {} not planned", referralId, kind);
            return;
        }
        boolean urgent = kind.startsWith("URGENT");
        // the clinic's alert always goes by email; urgent advice ignores quiet hours, safety comes first
        String channel = "URGENT_ALERT".equals(kind) ? "EMAIL" : contact.get().preferredChannel();
        Instant at = urgent ? due : quietHours.nextAllowed(due, ZoneId.of(contact.get().timeZone()));
        FollowupStore.Message message = new FollowupStore.Message(UUID.randomUUID(), referralId, subject, kind, channel,
                label, appointmentId, cycle, at, "PLANNED", null, null);
        if (store.plan(message, clock.instant())) {
            timers.sendAt(message.id(), at);
        }
    }
}
