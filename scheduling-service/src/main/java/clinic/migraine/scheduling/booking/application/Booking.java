package clinic.migraine.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentEvent;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.AuthorizationEnds;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.CancelReason;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.CycleWindow;
import clinic.migraine.scheduling.booking.domain.Rebooking;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import clinic.migraine.scheduling.booking.domain.SlotOffer;
import clinic.migraine.scheduling.booking.domain.SlotOffers;
import clinic.migraine.scheduling.booking.domain.SlotTaken;
import clinic.migraine.scheduling.booking.domain.Slots;
import clinic.migraine.scheduling.booking.domain.TooEarly;
import clinic.migraine.scheduling.booking.domain.Treatment;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, moves and closes appointments: each use case loads the appointment (locked), lets it decide, saves the
 * result and records the change ({@link AppointmentChanges}) in one transaction. The database has the last word on
 * double booking: a slot taken by a concurrent booking is skipped (automatic booking) or answered with
 * {@link SlotTaken} (a scheduler's request).
 *
 * <p>Each change names who made it: the staff account given as {@code actor}, or null when the system acted on its
 * own (booking after an eligibility decision, rebooking after a no-show, moving a patient into a freed slot,
 * cancelling for a withdrawn referral).
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);
    /** How many waiting patients a freed slot is offered to at once. */
    static final int OFFER_RECIPIENTS = 3;

    private final Appointments appointments;
    private final SlotSearch search;
    private final ClinicCalendar calendar;
    private final Closures closures;
    private final BookingRules rules;
    private final AppointmentChanges changes;
    private final RebookingList rebookings;
    private final Clock clock;
    private final SlotOffers offers;
    private final OfferEvents offerEvents;

    Booking(SlotOffers offers, OfferEvents offerEvents, Appointments appointments, SlotSearch search,
            ClinicCalendar calendar, Closures closures, BookingRules rules, AppointmentChanges changes,
            RebookingList rebookings, Clock clock) {
        this.appointments = appointments;
        this.rebookings = rebookings;
        this.search = search;
        this.calendar = calendar;
        this.closures = closures;
        this.rules = rules;
        this.changes = changes;
        this.clock = clock;
        this.offers = offers;
        this.offerEvents = offerEvents;
    }

    /**
     * Eligibility has decided a referral's cycle: its patient (when named) and their injections given elsewhere
     * are remembered, and an eligible cycle gets the earliest free slot its window allows (84 days after the
     * patient's last treatment, inside the payer's authorization), unless the cycle already holds one.
     */
    @Transactional
    public Optional<Appointment> decided(Decided decision) {
        if (decision.patientId() != null) {
            appointments.assignPatient(decision.referralId(), decision.patientId());
            appointments.recordOutsideTreatments(decision.patientId(), decision.treatedElsewhere());
        }
        if (!decision.eligible()) {
            return Optional.empty();
        }
        if (decision.authorizedUntil() != null) {
            appointments.authorizeCycle(decision.referralId(), decision.cycle(), decision.authorizedUntil());
        }
        if (appointments.ofReferral(decision.referralId()).stream().anyMatch(a -> a.holdsCycle(decision.cycle()))) {
            return Optional.empty();
        }
        Optional<Appointment> booked = bookFree(decision.referralId(), decision.cycle());
        if (booked.isEmpty()) {
            // a cycle the patient may have must not be lost in a log line: the schedulers book it by hand
            rebookings.open(decision.referralId(), decision.cycle(), Rebooking.Reason.NOT_BOOKED_AUTOMATICALLY, null,
                    clock.instant());
        }
        return booked;
    }

    /**
     * What scheduling needs of an eligibility decision.
     *
     * @param patientId null from decisions made before patients were known across referrals
     * @param treatedElsewhere the days of the injections the referral reported from other clinics
     * @param authorizedUntil the last day the payer's prior authorization covers (null when none is needed)
     */
    public record Decided(UUID referralId, int cycle, boolean eligible, UUID patientId,
            List<LocalDate> treatedElsewhere, LocalDate authorizedUntil) {
    }

    /** An eligible referral's cycle gets the earliest free slot, unless the cycle already holds one. */
    @Transactional
    public Optional<Appointment> bookCycle(UUID referralId, int cycle) {
        if (appointments.ofReferral(referralId).stream().anyMatch(a -> a.holdsCycle(cycle))) {
            return Optional.empty();
        }
        return bookFree(referralId, cycle);
    }

    /** The earliest free slot for a cycle the caller knows holds none. */
    private Optional<Appointment> bookFree(UUID referralId, int cycle) {
        Optional<Appointment> booked = bookEarliest(referralId, cycle, 0, null);
        booked.ifPresentOrElse(
                a -> log.info("Referral {} cycle {} booked as appointment {}", a.referralId(), a.cycle(), a.id()),
                () -> log.warn("No free slot for referral {} cycle {} within the horizon, the authorization and the "
                        + "patient's 84 days", referralId, cycle));
        return booked;
    }

    /**
     * Books a cycle from the rebooking worklist into the earliest slot its window allows.
     *
     * @throws NotFound when the entry is not on the worklist (any more)
     * @throws Conflict when the cycle is booked already, or no slot is free within the horizon and the patient's
     *         84 days
     */
    @Transactional
    public Appointment rebook(long rebookingId, String actor) {
        Rebooking entry = rebookings.find(rebookingId).orElseThrow(() -> new NotFound("rebooking", rebookingId));
        if (appointments.ofReferral(entry.referralId()).stream().anyMatch(a -> a.holdsCycle(entry.cycle()))) {
            throw new Conflict("Cycle " + entry.cycle() + " of this referral is booked already");
        }
        return bookEarliest(entry.referralId(), entry.cycle(), 0, actor).orElseThrow(() -> new Conflict(
                "No free slot within the horizon, the patient's 84 days and the payer's authorization"));
    }

    /**
     * The free slots a booked visit may move to, earliest first after the preferred ones: inside its cycle's window
     * (the patient's 84 days, the payer's authorization, the horizon).
     */
    @Transactional(readOnly = true)
    public List<Slot> otherTimes(UUID id, int max) {
        Appointment visit = appointments.find(id).orElseThrow(() -> new NotFound("appointment", id));
        List<Slot> found = new java.util.ArrayList<>();
        for (List<Slot> batch : search.candidateBatches(window(visit.referralId(), visit.cycle(), clock.instant()))) {
            for (Slot slot : batch) {
                if (found.size() == max) {
                    return found;
                }
                found.add(slot);
            }
        }
        return found;
    }

    /** A withdrawn referral's visits still ahead are cancelled by the system. */
    @Transactional
    public void cancelForWithdrawal(UUID referralId) {
        Instant now = clock.instant();
        for (Appointment a : appointments.ofReferral(referralId)) {
            a.cancelForWithdrawal(now).ifPresent(this::cancelled);
        }
    }

    /** A scheduler books a slot by hand. */
    @Transactional
    public Appointment book(UUID referralId, int cycle, Instant start, String providerId, String actor) {
        Slot slot = slots().bookable(start, providerId);
        Instant now = clock.instant();
        CycleWindow window = window(referralId, cycle, now);
        AppointmentEvent.Booked booked = Appointment.book(UUID.randomUUID(), referralId, cycle, slot, window, 0, rules,
                actor, now);
        appointments.add(booked.appointment());
        changes.record(booked);
        return booked.appointment();
    }

    /** @throws AuthorizationEnds when the new time is after the last day the payer's authorization covers */
    @Transactional
    public Appointment reschedule(UUID id, Instant start, String providerId, String actor) {
        Appointment visit = locked(id);
        appointments.authorizedUntil(visit.referralId(), visit.cycle())
                .ifPresent(lastDay -> AuthorizationEnds.check(start, lastDay, rules.zone()));
        AppointmentEvent.Rescheduled moved = visit.reschedule(start, providerId, slots(), rules, actor,
                clock.instant());
        appointments.save(moved.appointment());
        changes.record(moved);
        return moved.appointment();
    }

    @Transactional
    public Appointment cancel(UUID id, String reason, CancelledBy by, String actor) {
        return cancel(id, CancelReason.STAFF_ENTERED, reason, by, actor);
    }

    /** Cancels for the given reason; {@code text} stays on the appointment, never in an event. */
    @Transactional
    public Appointment cancel(UUID id, CancelReason reason, String text, CancelledBy by, String actor) {
        AppointmentEvent.Cancelled cancelled = locked(id).cancel(reason, text, by, actor, clock.instant());
        cancelled(cancelled);
        Rebooking.after(cancelled).ifPresent(why -> rebookings.open(cancelled.appointment().referralId(),
                cancelled.appointment().cycle(), why, id, cancelled.at()));
        return cancelled.appointment();
    }

    @Transactional
    public Appointment checkIn(UUID id, String actor) {
        AppointmentEvent.CheckedIn arrived = locked(id).checkIn(actor, clock.instant());
        appointments.save(arrived.appointment());
        changes.record(arrived);
        return arrived.appointment();
    }

    /** Marks a no-show and, unless it is one too many in a row, books the earliest slot again. */
    @Transactional
    public Appointment noShow(UUID id, String actor) {
        AppointmentEvent.MissedVisit missed = locked(id).markNoShow(actor, clock.instant());
        Appointment a = missed.appointment();
        appointments.save(a);
        changes.record(missed);
        boolean bookedAgain = rules.rebooksAfter(missed.inARow())
                && bookEarliest(a.referralId(), a.cycle(), missed.inARow(), null).isPresent();
        Rebooking.after(missed, bookedAgain).ifPresent(why -> {
            rebookings.open(a.referralId(), a.cycle(), why, id, missed.at());
            log.info("Appointment {}: {} no-shows in a row, on the rebooking worklist", id, missed.inARow());
        });
        return a;
    }

    /**
     * Records the treatment the signed-in clinician gave, checking the 84 days once more (from the visit's day, the
     * day the database holds) against everything known of the patient now: an injection elsewhere may have been
     * reported after the visit was booked.
     *
     * @throws TooEarly when the visit is less than 84 days after another treatment of the patient
     */
    @Transactional
    public Appointment complete(UUID id, Treatment treatment, String actor) {
        Appointment visit = locked(id);
        Instant now = clock.instant();
        List<Appointment> others = appointments.ofReferral(visit.referralId()).stream()
                .filter(a -> !a.id().equals(visit.id())).toList();
        CycleWindow.of(visit.cycle(), others, appointments.otherTreatmentDays(visit.referralId()), now, rules)
                .admit(visit.start(), rules);
        AppointmentEvent.Treated treated = visit.markTreated(treatment, actor, now, rules);
        appointments.save(treated.appointment());
        appointments.recordTreatment(visit.id(), treated.treatment());
        changes.record(treated);
        return treated.appointment();
    }

    private Optional<Appointment> bookEarliest(UUID referralId, int cycle, int noShows, String actor) {
        Instant now = clock.instant();
        CycleWindow window = window(referralId, cycle, now);
        for (List<Slot> batch : search.candidateBatches(window)) {
            for (Slot slot : batch) {
                AppointmentEvent.Booked booked = Appointment.book(UUID.randomUUID(), referralId, cycle, slot, window,
                        noShows, rules, actor, clock.instant());
                try {
                    appointments.add(booked.appointment());
                } catch (SlotTaken taken) {
                    continue;
                } catch (TooEarly tooEarly) {
                    // the patient holds a visit of another referral within 84 days: booking this one as well
                    // would treat them twice; it waits for the schedulers
                    log.warn("Referral {} cycle {} not booked: the patient holds another visit within 84 days",
                            referralId, cycle);
                    return Optional.empty();
                }
                changes.record(booked);
                return Optional.of(booked.appointment());
            }
        }
        return Optional.empty();
    }

    private void cancelled(AppointmentEvent.Cancelled cancelled) {
        appointments.save(cancelled.appointment());
        changes.record(cancelled);
        fillFreedSlot(cancelled.appointment(), cancelled.at());
    }

    /**
     * Offers a slot freed soon (at least 48 hours ahead) to the patients booked latest for the same kind of visit
     * whose window it fits: offered, not imposed; the first to take it through their link gets it.
     */
    private void fillFreedSlot(Appointment freed, Instant now) {
        if (!rules.offersFreedSlot(freed, now)) {
            return;
        }
        List<Appointment> waiting = appointments.waitingToMoveInto(freed.start(), freed.cycle() == 1,
                freed.referralId(), OFFER_RECIPIENTS);
        if (waiting.isEmpty()) {
            return;
        }
        SlotOffer offer = SlotOffer.of(UUID.randomUUID(), freed, waiting.stream().map(Appointment::id)
                .collect(java.util.stream.Collectors.toSet()), now);
        offers.add(offer);
        waiting.forEach(visit -> offerEvents.offered(offer, visit));
        log.info("Slot freed by {} offered to {} waiting visits", freed.id(), waiting.size());
    }

    /**
     * The cycle's window: the referral's own visits, the patient's other treatments and the last day the payer's
     * authorization covers.
     */
    private CycleWindow window(UUID referralId, int cycle, Instant now) {
        return CycleWindow.of(cycle, appointments.ofReferral(referralId), appointments.otherTreatmentDays(referralId),
                now, rules).authorizedUntil(appointments.authorizedUntil(referralId, cycle).orElse(null), rules.zone());
    }

    private Appointment locked(UUID id) {
        return appointments.lock(id).orElseThrow(() -> new NotFound("appointment", id));
    }

    private Slots slots() {
        return (start, providerId) -> calendar.slotAt(start, providerId, Closure.closedDays(closures.all()),
                clock.instant());
    }
}
