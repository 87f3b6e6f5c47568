package clinic.migraine.domain;

import java.util.List;

/** The command breaks a rule of the domain whatever the current state (too early, in the past, unknown provider). */
public non-sealed class RuleBroken extends DomainException {

    public RuleBroken(String message, List<Violation> violations) {
        super("Request breaks a rule", message, violations);
    }

    public RuleBroken(String message, Violation violation) {
        this(message, List.of(violation));
    }

    public RuleBroken(String message) {
        this(message, List.of());
    }
}
