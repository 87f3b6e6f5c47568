package clinic.migraine.domain;

import java.util.List;

/**
 * The command came too late for the current state: the appointment is no longer booked, the slot was just taken,
 * the review was closed by someone else. Asking again with fresh data may succeed.
 */
public non-sealed class Conflict extends DomainException {

    public Conflict(String message) {
        this("Conflict", message);
    }

    /** For a conflict with a summary of its own ("Review closed"). */
    protected Conflict(String title, String message) {
        super(title, message, List.of());
    }
}
