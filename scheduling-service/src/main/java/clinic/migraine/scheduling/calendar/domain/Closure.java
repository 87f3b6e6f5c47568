package clinic.migraine.scheduling.calendar.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;

/** Days with no visits, for one provider or (providerId null) the whole clinic, both ends included. */
public record Closure(UUID id, String providerId, LocalDate startsOn, LocalDate endsOn, String reason) {

    /** The most days one closure covers: a year's leave; a longer one is a typo that would close the calendar. */
    public static final int MAX_DAYS = 366;

    /**
     * A new closure; refused when it ends before it starts, covers more than {@link #MAX_DAYS} days or names a
     * provider the calendar does not have.
     */
    public static Closure declare(UUID id, String providerId, LocalDate startsOn, LocalDate endsOn, String reason,
            ClinicCalendar calendar) {
        if (endsOn.isBefore(startsOn)) {
            throw new RuleBroken("The closure ends before it starts",
                    new Violation("endsOn", "must not be before startsOn"));
        }
        if (endsOn.isAfter(startsOn.plusDays(MAX_DAYS - 1))) {
            throw new RuleBroken("The closure is longer than a year",
                    new Violation("endsOn", "must be at most " + MAX_DAYS + " days from startsOn, both included"));
        }
        if (providerId != null && calendar.provider(providerId).isEmpty()) {
            throw new RuleBroken("Unknown provider", new Violation("providerId", "is not a provider here"));
        }
        return new Closure(id, providerId, startsOn, endsOn, reason);
    }

    /** True when this closure keeps the provider from seeing patients on that day. */
    public boolean closes(String provider, LocalDate day) {
        return (providerId == null || providerId.equals(provider)) && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** (providerId, day) → closed, as {@link ClinicCalendar#slots} takes it. */
    public static BiPredicate<String, LocalDate> closedDays(List<Closure> closures) {
        List<Closure> copy = List.copyOf(closures);
        return (provider, day) -> copy.stream().anyMatch(c -> c.closes(provider, day));
    }
}
