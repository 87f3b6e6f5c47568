package clinic.migraine.followup.plan.domain;

/**
 * How often a message is tried while the mail server or SMS gateway is down or throttling before it is recorded
 * FAILED with the reason, for staff to see. A refusal that retrying cannot help (a refused address) fails at once.
 */
public record DeliveryAttempts(int max) {

    /** What a failed attempt leaves: PLANNED to be tried again, or FAILED; with the reason staff will read. */
    public record Outcome(MessageStatus status, String reason) {

        public boolean retry() {
            return status == MessageStatus.PLANNED;
        }
    }

    /** @param attempt 1 for the first try, counting the retries */
    public Outcome afterFailure(String reason, boolean retryable, int attempt) {
        if (retryable && attempt < max) {
            return new Outcome(MessageStatus.PLANNED, reason);
        }
        if (retryable) {
            return new Outcome(MessageStatus.FAILED, reason + "; gave up after " + attempt + " attempts");
        }
        return new Outcome(MessageStatus.FAILED, reason);
    }
}
