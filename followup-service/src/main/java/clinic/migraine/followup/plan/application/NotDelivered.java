package clinic.migraine.followup.plan.application;

/**
 * A message did not go out. {@code retryable} says whether trying again later may help (server down, 5xx, 429)
 * or not (refused address, 4xx).
 */
public class NotDelivered extends RuntimeException {

    private final boolean retryable;

    public NotDelivered(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
