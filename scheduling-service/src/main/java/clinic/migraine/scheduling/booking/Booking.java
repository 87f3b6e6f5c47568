package clinic.migraine.scheduling.booking;

import java.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.CancelledBy;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.web.DomainProblem;
import clinic.migraine.kit.web.FieldError;
import clinic.migraine.scheduling.SchedulingProperties;
import clinic.migraine.scheduling.calendar.ClinicCalendar;
import clinic.migraine.scheduling.calendar.Slot;
import clinic.migraine.scheduling.booking.persistence.AppointmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books, moves and closes appointments. The database has the last word on double booking and on the 84-day
 * interval: each attempt runs in a savepoint, and a slot taken by a concurrent booking is skipped (automatic
 * booking) or answered with 409 (a scheduler's request).
 *
 * <p>Each change names who made it: the staff account given as {@code actor}, or null when the system acted on its
 * own (booking after an eligibility decision, rebooking after a no-show, moving a patient into a freed slot,
 * cancelling for a withdrawn referral). The events carry it, and the audit trail records it (as "system" for
 * null) in the same transaction.
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);
    private static final Duration SEARCH_STEP = Duration.ofDays(1);

    private final AppointmentStore store;
    private final ClinicCalendar calendar;
    private final SchedulingProperties properties;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final AppointmentFeed feed;
    private final AuditTrail audit;

    public Booking(AppointmentStore store, ClinicCalendar calendar, SchedulingProperties properties, Outbox outbox,
            ProcessedEvents processed, Clock clock, PlatformTransactionManager transactions, AppointmentFeed feed,
            AuditTrail audit) {
        this.store = store;
        this.calendar = calendar;
        this.properties = properties;
        this.outbox = outbox;
        this.processed = processed;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.feed = feed;
        this.audit = audit;
    }

    @Transactional
    public void eligibilityDetermined(EligibilityDetermined event) {
        if (!processed.firstDelivery(event, "eligibility-determined") || event.getOutcome() != EligibilityOutcome.ELIGIBLE) {
            return;
        }
        boolean alreadyBooked = store.ofReferral(event.getReferralId()).stream()
                .anyMatch(a -> a.cycle() == event.getCycle() && a.status().holdsTheSlot());
        if (alreadyBooked) {
            return;
        }
        bookEarliest(event.getReferralId(), event.getCycle(), 0).ifPresentOrElse(
                a -> log.info("Referral {} cycle {} booked as appointment {}", a.referralId(), a.cycle(), a.id()),
                () -> log.warn("No free slot within the horizon for referral {} cycle {}", event.getReferralId(),
                        event.getCycle()));
    }

    @Transactional
    public void referralWithdrawn(ReferralWithdrawn event) {
        if (!processed.firstDelivery(event, "referral-withdrawn")) {
            return;
        }
        Instant now = clock.instant();
        for (Appointment a : store.ofReferral(event.getReferralId())) {
            if (a.status() == AppointmentStatus.booked && a.start().isAfter(now)) {
                cancelled(a, "Referral withdrawn", CancelledBy.SYSTEM, now, null);
            }
        }
    }

    /** Where a cycle may be booked: after the lead time for the first, 84 days after the last treatment later. */
    record Window(Instant earliest, Instant preferredUntil, Instant notBefore, Appointment previous) {
    }

    Window window(UUID referralId, int cycle) {
        Instant now = clock.instant();
        Instant afterLead = ClinicCalendar.plusBusinessDays(LocalDate.now(clock.withZone(calendar.zone())),
                properties.leadBusinessDays()).atStartOfDay(calendar.zone()).toInstant();
        Optional<Appointment> lastTreatment = store.ofReferral(referralId).stream()
                .filter(a -> a.status() == AppointmentStatus.fulfilled)
                .max(java.util.Comparator.comparing(Appointment::start));
        if (cycle == 1 || lastTreatment.isEmpty()) {
            return new Window(afterLead, null, null, null);
        }
        LocalDate treated = lastTreatment.get().start().atZone(calendar.zone()).toLocalDate();
        Instant notBefore = treated.plusDays(properties.minimumInterval().toDays()).atStartOfDay(calendar.zone()).toInstant();
        Instant until = notBefore.plus(properties.preferredWindow());
        Instant earliest = notBefore.isAfter(now) ? notBefore : afterLead;
        return new Window(earliest, until, notBefore, lastTreatment.get());
    }

    private Optional<Appointment> bookEarliest(UUID referralId, int cycle, int noShows) {
        Window window = window(referralId, cycle);
        for (List<Slot> batch : candidateBatches(window)) {
            for (Slot slot : batch) {
                Appointment appointment = new Appointment(UUID.randomUUID(), referralId, cycle, slot.providerId(),
                        slot.location(), slot.start().toInstant(), slot.end().toInstant(), AppointmentStatus.booked,
                        window.notBefore(), noShows, null, null, null, null, null, null, clock.instant());
                if (tryInsert(appointment)) {
                    booked(appointment, null);
                    return Optional.of(appointment);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Free slots in booking order (in the preferred window same provider and time of day first, then by time),
     * a batch at a time, each computed only when the ones before it are all
     * taken: a first cycle looks a day at a time from the earliest day, a later cycle first in its preferred
     * window. Booking used to list every free slot of the whole horizon for each referral, then of a week (a
     * week of a large clinic is thousands of taken slots to read before the first free one).
     */
    Iterable<List<Slot>> candidateBatches(Window window) {
        Instant horizon = clock.instant().plus(properties.horizon());
        if (window.previous() == null || window.preferredUntil() == null) {
            return () -> new Iterator<>() {
                private Instant next = window.earliest();

                @Override
                public boolean hasNext() {
                    return next.isBefore(horizon);
                }

                @Override
                public List<Slot> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Instant end = next.plus(SEARCH_STEP).isBefore(horizon) ? next.plus(SEARCH_STEP) : horizon;
                    List<Slot> week = freeSlots(next, end, null);
                    next = end;
                    return week;
                }
            };
        }
        Comparator<Slot> preference = preference(window);
        Instant preferredUntil = window.preferredUntil().isBefore(horizon) ? window.preferredUntil() : horizon;
        return () -> new Iterator<>() {
            private int batch;

            @Override
            public boolean hasNext() {
                return batch < 2;
            }

            @Override
            public List<Slot> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Slot> slots = batch++ == 0 ? freeSlots(window.earliest(), preferredUntil, null)
                        : freeSlots(preferredUntil.isAfter(window.earliest()) ? preferredUntil : window.earliest(),
                                horizon, null);
                return slots.stream().sorted(preference).toList();
            }
        };
    }

    private Comparator<Slot> preference(Window window) {
        Appointment previous = window.previous();
        LocalTime previousTime = previous.start().atZone(calendar.zone()).toLocalTime();
        return Comparator
                .comparing((Slot s) -> !s.start().toInstant().isBefore(window.preferredUntil()))
                .thenComparing(s -> !(s.providerId().equals(previous.providerId())
                        && s.start().atZoneSameInstant(calendar.zone()).toLocalTime().equals(previousTime)))
                .thenComparing(s -> !s.providerId().equals(previous.providerId()))
                .thenComparing(Slot::start);
    }

    /** One provider's week for the schedulers' board: every appointment starting in it, closures marked. */
    @Transactional(readOnly = true)
    public WeekBoard week(ClinicCalendar.Provider provider, LocalDate anyDay) {
        LocalDate monday = WeekBoard.mondayOf(anyDay);
        Instant from = monday.atStartOfDay(calendar.zone()).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(calendar.zone()).toInstant();
        List<AppointmentStore.Closure> closures = store.closures();
        return WeekBoard.of(calendar, provider, monday, store.search(from, to, provider.id(), null),
                day -> closures.stream()
                        .filter(c -> (c.providerId() == null || c.providerId().equals(provider.id()))
                                && !day.isBefore(c.startsOn()) && !day.isAfter(c.endsOn()))
                        .map(AppointmentStore.Closure::reason).findFirst().orElse(null));
    }

    /** Free slots from {@code from} (inclusive) to {@code to}, earliest first. */
    public List<Slot> freeSlots(Instant from, Instant to, String providerId) {
        LocalDate firstDay = from.atZone(calendar.zone()).toLocalDate();
        LocalDate lastDay = to.atZone(calendar.zone()).toLocalDate();
        Set<String> taken = new HashSet<>();
        store.taken(from, to).forEach(t -> taken.add(t.providerId() + "@" + t.start()));
        return calendar.slots(firstDay, lastDay, providerId, closedDays()).stream()
                .filter(s -> !s.start().toInstant().isBefore(from) && s.start().toInstant().isBefore(to))
                .filter(s -> !taken.contains(s.providerId() + "@" + s.start().toInstant()))
                .toList();
    }

    BiPredicate<String, LocalDate> closedDays() {
        List<AppointmentStore.Closure> closures = store.closures();
        return (provider, day) -> closures.stream().anyMatch(c -> (c.providerId() == null || c.providerId().equals(provider))
                && !day.isBefore(c.startsOn()) && !day.isAfter(c.endsOn()));
    }

    private boolean tryInsert(Appointment appointment) {
        try {
            savepoint.executeWithoutResult(tx -> store.insert(appointment, clock.instant()));
            return true;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    /** A scheduler books a slot by hand. */
    @Transactional
    public Appointment book(UUID referralId, int cycle, Instant start, String providerId, String actor) {
        Slot slot = bookableSlot(start, providerId);
        Window window = window(referralId, cycle);
        Appointment appointment = new Appointment(UUID.randomUUID(), referralId, cycle, providerId, slot.location(),
                slot.start().toInstant(), slot.end().toInstant(), AppointmentStatus.booked, window.notBefore(), 0, null,
                null, null, null, null, null, clock.instant());
        checkInterval(window, appointment.start());
        insertOrConflict(appointment);
        booked(appointment, actor);
        return appointment;
    }

    @Transactional
    public Appointment reschedule(UUID id, Instant start, String providerId, String actor) {
        Appointment current = live(id, AppointmentStatus.booked);
        String provider = providerId == null ? current.providerId() : providerId;
        Slot slot = bookableSlot(start, provider);
        if (current.notBefore() != null && slot.start().toInstant().isBefore(current.notBefore())) {
            throw tooEarly(current.notBefore());
        }
        Instant now = clock.instant();
        try {
            savepoint.executeWithoutResult(tx -> store.move(id, provider, slot.location(), slot.start().toInstant(),
                    slot.end().toInstant(), now));
        } catch (DataIntegrityViolationException e) {
            throw DomainProblem.conflict("That slot was just taken; pick another");
        }
        rescheduled(current, provider, slot.location(), slot.start().toInstant(), slot.end().toInstant(), now, actor);
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Appointment cancel(UUID id, String reason, CancelledBy by, String actor) {
        Appointment current = store.find(id, true).orElseThrow(() -> DomainProblem.notFound("appointment", id));
        if (current.status() != AppointmentStatus.booked && current.status() != AppointmentStatus.arrived) {
            throw DomainProblem.conflict("An appointment that is " + current.status() + " cannot be cancelled");
        }
        cancelled(current, reason, by, clock.instant(), actor);
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Appointment checkIn(UUID id, String actor) {
        Appointment current = live(id, AppointmentStatus.booked);
        Instant now = clock.instant();
        store.status(id, AppointmentStatus.arrived, now);
        audited(actor, "appointment checked in", current,
                "arrived for " + slotText(current.start(), current.providerId()));
        feed.changed(id, AppointmentFeed.ARRIVED, store.recordChange(id, AppointmentFeed.ARRIVED, now));
        return store.find(id, false).orElseThrow();
    }

    /** Marks a no-show and, unless it is one too many in a row, books the earliest slot again. */
    @Transactional
    public Appointment noShow(UUID id, String actor) {
        Appointment current = live(id, AppointmentStatus.booked);
        Instant now = clock.instant();
        store.status(id, AppointmentStatus.noshow, now);
        outbox.publish(AppointmentNoShow.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(current.referralId()).setAppointmentId(id).setCycle(current.cycle())
                .setStart(current.start()).setActor(actor).build());
        int noShows = current.noShows() + 1;
        audited(actor, "appointment no-show", current, "no-show " + noShows + " in a row, was "
                + slotText(current.start(), current.providerId()));
        feed.changed(id, AppointmentFeed.NO_SHOW, store.recordChange(id, AppointmentFeed.NO_SHOW, now));
        if (properties.rebookNoShows() && noShows < properties.maxConsecutiveNoShows()) {
            bookEarliest(current.referralId(), current.cycle(), noShows);
        } else {
            log.info("Appointment {}: {} no-shows in a row, left to the schedulers", id, noShows);
        }
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Appointment complete(UUID id, int units, int sites, String lotNumber, String notes, String actor) {
        Appointment current = store.find(id, true).orElseThrow(() -> DomainProblem.notFound("appointment", id));
        if (current.status() != AppointmentStatus.booked && current.status() != AppointmentStatus.arrived) {
            throw DomainProblem.conflict("An appointment that is " + current.status() + " cannot be completed");
        }
        Instant now = clock.instant();
        store.complete(id, units, sites, lotNumber, notes, now);
        outbox.publish(TreatmentCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(current.referralId()).setAppointmentId(id).setCycle(current.cycle())
                .setTreatmentDate(current.start().atZone(calendar.zone()).toLocalDate()).setTreatedAt(current.start())
                .setUnits(units).setInjectionSites(sites).setLotNumber(lotNumber).setProviderId(current.providerId())
                .setActor(actor).build());
        // the clinician's notes stay on the appointment: free text may name the patient
        audited(actor, "treatment completed", current, units + " units at " + sites + " sites, lot "
                + (lotNumber == null || lotNumber.isBlank() ? "not recorded" : lotNumber));
        feed.changed(id, AppointmentFeed.FULFILLED, store.recordChange(id, AppointmentFeed.FULFILLED, now));
        return store.find(id, false).orElseThrow();
    }

    private void booked(Appointment a, String actor) {
        Instant now = clock.instant();
        outbox.publish(AppointmentBooked.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle()).setProviderId(a.providerId())
                .setProviderName(providerName(a.providerId())).setLocation(a.location()).setStart(a.start())
                .setEnd(a.end()).setClinicTimeZone(calendar.zone().getId()).setActor(actor).build());
        audited(actor, "appointment booked", a, "cycle " + a.cycle() + " at " + slotText(a.start(), a.providerId()));
        feed.changed(a.id(), AppointmentFeed.BOOKED, store.recordChange(a.id(), AppointmentFeed.BOOKED, now));
    }

    private void rescheduled(Appointment previous, String providerId, String location, Instant start, Instant end,
            Instant now, String actor) {
        outbox.publish(AppointmentRescheduled.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(previous.referralId()).setAppointmentId(previous.id()).setCycle(previous.cycle())
                .setPreviousStart(previous.start()).setPreviousEnd(previous.end()).setStart(start).setEnd(end)
                .setProviderId(providerId).setProviderName(providerName(providerId)).setLocation(location)
                .setClinicTimeZone(calendar.zone().getId()).setActor(actor).build());
        audited(actor, "appointment rescheduled", previous, "from " + slotText(previous.start(), previous.providerId())
                + " to " + slotText(start, providerId));
        feed.changed(previous.id(), AppointmentFeed.RESCHEDULED,
                store.recordChange(previous.id(), AppointmentFeed.RESCHEDULED, now));
    }

    private void cancelled(Appointment a, String reason, CancelledBy by, Instant now, String actor) {
        store.cancel(a.id(), reason, by.name(), now);
        outbox.publish(AppointmentCancelled.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle()).setStart(a.start())
                .setReason(reason).setCancelledBy(by).setActor(actor).build());
        // the reason is free text and may name the patient: the trail keeps who asked and which slot
        audited(actor, "appointment cancelled", a, "cancelled by " + by + ", was " + slotText(a.start(), a.providerId()));
        feed.changed(a.id(), AppointmentFeed.CANCELLED, store.recordChange(a.id(), AppointmentFeed.CANCELLED, now));
        fillFreedSlot(a, now);
    }

    private void audited(String actor, String action, Appointment a, String detail) {
        audit.recordBy(actor == null ? Actors.SYSTEM : actor, action, "appointment", a.id(), a.referralId(), detail);
    }

    /** "2026-12-08T09:30-08:00 with prov-1": the clinic's wall-clock time and offset. */
    private String slotText(Instant start, String providerId) {
        return start.atZone(calendar.zone()).toOffsetDateTime() + " with " + providerId;
    }

    /** Moves the patient booked latest for the same kind of visit into a slot freed soon, as a normal reschedule. */
    private void fillFreedSlot(Appointment freed, Instant now) {
        if (!properties.fillCancellations() || !freed.start().isAfter(now)
                || freed.start().isAfter(now.plus(properties.fillCancellationsWithin()))) {
            return;
        }
        store.latestToMoveInto(freed.start(), freed.cycle() == 1, freed.referralId()).ifPresent(waiting -> {
            try {
                savepoint.executeWithoutResult(tx -> store.move(waiting.id(), freed.providerId(), freed.location(),
                        freed.start(), freed.end(), now));
            } catch (DataIntegrityViolationException e) {
                return;
            }
            rescheduled(waiting, freed.providerId(), freed.location(), freed.start(), freed.end(), now, null);
            log.info("Appointment {} moved earlier into the slot freed by {}", waiting.id(), freed.id());
        });
    }

    private void insertOrConflict(Appointment appointment) {
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(tx -> store.insert(appointment, clock.instant()));
                return;
            } catch (DataIntegrityViolationException e) {
                throw DomainProblem.conflict("That slot is taken, or this referral already has an appointment for "
                        + "cycle " + appointment.cycle());
            } catch (PessimisticLockingFailureException e) {
                // Two bookings of one slot can deadlock on the exclusion constraint (each waits for the other's
                // row) and Postgres aborts one of them: it tries again, now behind the other, and gets a clean
                // answer. Still contested after three tries: the slot is taken as far as this request can tell.
                if (attempt == 3) {
                    throw DomainProblem.conflict("That slot is being booked by someone else");
                }
            }
        }
    }

    private Appointment live(UUID id, AppointmentStatus expected) {
        Appointment current = store.find(id, true).orElseThrow(() -> DomainProblem.notFound("appointment", id));
        if (current.status() != expected) {
            throw DomainProblem.conflict("The appointment is " + current.status() + ", not " + expected);
        }
        return current;
    }

    private Slot bookableSlot(Instant start, String providerId) {
        ClinicCalendar.Provider provider = calendar.provider(providerId).orElseThrow(() -> DomainProblem.unprocessable(
                "Unknown provider " + providerId, List.of(new FieldError("providerId", "is not a provider here"))));
        ZonedDateTime local = start.atZone(calendar.zone());
        Slot candidate = new Slot(local.toOffsetDateTime(), local.plus(calendar.visit()).toOffsetDateTime(),
                provider.id(), provider.location());
        if (!calendar.isBookable(candidate, closedDays())) {
            throw DomainProblem.unprocessable("Not a bookable slot: outside " + provider.id()
                    + "'s working hours, off the " + calendar.visit().toMinutes() + "-minute grid, or on a closed day",
                    List.of(new FieldError("start", "is not a bookable slot")));
        }
        if (!start.isAfter(clock.instant())) {
            throw DomainProblem.unprocessable("The slot is in the past", List.of(new FieldError("start", "is in the past")));
        }
        return candidate;
    }

    private void checkInterval(Window window, Instant start) {
        if (window.notBefore() != null && start.isBefore(window.notBefore())) {
            throw tooEarly(window.notBefore());
        }
    }

    private DomainProblem tooEarly(Instant notBefore) {
        return DomainProblem.unprocessable("Treatments must be at least " + properties.minimumInterval().toDays()
                + " days apart: the earliest start is " + notBefore.atZone(calendar.zone()).toLocalDate(),
                List.of(new FieldError("start", "is before " + notBefore.atZone(calendar.zone()).toLocalDate())));
    }

    private String providerName(String providerId) {
        return calendar.provider(providerId).map(ClinicCalendar.Provider::name).orElse(null);
    }

}
