package clinic.migraine.domain;

import java.util.List;

/**
 * A command the domain refuses. The three kinds say how a caller should react: {@link NotFound} (nothing to act on),
 * {@link Conflict} (the state changed under the caller: a slot taken, a review already closed) and
 * {@link RuleBroken} (the request itself breaks a rule: the 84-day interval, a date in the past). Messages are
 * shown to staff and written to problem details, so they must not carry patient data.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFound, Conflict, RuleBroken {

    private final String title;
    private final List<Violation> violations;

    protected DomainException(String title, String message, List<Violation> violations) {
        super(message);
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** A short, fixed summary of the refusal ("Conflict", "appointment not found"). */
    public String title() {
        return title;
    }

    /** The fields at fault, in the order the rule found them; empty when the refusal is about the whole request. */
    public List<Violation> violations() {
        return violations;
    }
}
