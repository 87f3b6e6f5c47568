package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Planned and sent messages. */
public interface Messages {

    /** False when this message (subject, kind, channel, label) already exists: nothing is planned twice. */
    boolean planIfNew(Message message, Instant now);

    Optional<Message> find(UUID id);

    /** The newest messages of all patients, by when they were due. */
    List<Message> newest(int limit);

    /** A referral's messages, by when they are due. */
    List<Message> ofReferral(UUID referralId);

    /**
     * Claims a planned message for sending (PLANNED → SENDING, in the caller's transaction); empty if it was
     * already claimed, sent or cancelled.
     */
    Optional<Claimed> claim(UUID id);

    /**
     * Claims up to {@code limit} planned messages due by {@code now}, earliest first (PLANNED → SENDING, in the
     * caller's transaction). Rows another transaction is claiming are skipped, not waited for: several senders,
     * in one instance or several, claim disjoint messages side by side.
     */
    List<Claimed> claimDue(Instant now, int limit);

    /**
     * Marks a claimed message as being handed to its channel now, committed at once (not in a transaction of the
     * caller's): after a crash only such a message is in doubt.
     */
    void handing(UUID id);

    /** Records what became of claimed messages, all in the caller's transaction. */
    void record(List<Outcome> outcomes);

    /** A claimed message and the attempt this is (1 for the first, counting the retries after a failure). */
    record Claimed(Message message, int attempt) {
    }

    /**
     * What became of a claimed message: SENT, DROPPED or FAILED with the reason; or PLANNED again, due at
     * {@code dueAgainAt} (held out of quiet hours, or to be retried, when {@code failedAttempt} counts it).
     */
    record Outcome(UUID id, MessageStatus status, String reason, Instant sentAt, Instant dueAgainAt,
            boolean failedAttempt) {

        public static Outcome sent(UUID id, Instant at) {
            return new Outcome(id, MessageStatus.SENT, null, at, null, false);
        }

        public static Outcome finished(UUID id, MessageStatus status, String reason) {
            return new Outcome(id, status, reason, null, null, false);
        }

        public static Outcome heldUntil(UUID id, Instant until, String reason) {
            return new Outcome(id, MessageStatus.PLANNED, reason, null, until, false);
        }

        public static Outcome retryAt(UUID id, Instant at, String reason) {
            return new Outcome(id, MessageStatus.PLANNED, reason, null, at, true);
        }
    }

    /**
     * Cancels what is still planned for an appointment (or, with null, for the whole referral), except the urgent
     * messages: a withdrawal or the end of a course never silences an alert, its escalations or the patient's
     * urgent advice.
     */
    List<UUID> cancelPlanned(UUID referralId, UUID appointmentId, String reason);

    /** How many escalation messages of an urgent alert were sent. */
    int escalationsSent(UUID answerId);

    /** Cancels the escalations of an urgent alert still ahead (someone acknowledged it); their ids. */
    List<UUID> cancelEscalations(UUID answerId, String reason);

    /**
     * Messages a crash left between claim and send. One claimed but never handed to its channel was not sent: it is
     * planned again. A handed one's fate is unknown: a routine one is marked UNKNOWN and not sent again (no
     * duplicate); an urgent one is planned again, since a duplicate alert is better than a lost one.
     *
     * @return the urgent messages planned again, to be sent at once
     */
    Interrupted settleInterruptedSends();

    /** What {@link #settleInterruptedSends()} did. */
    record Interrupted(int neverHanded, int markedUnknown, List<UUID> urgentToSendAgain) {

        public Interrupted {
            urgentToSendAgain = List.copyOf(urgentToSendAgain);
        }
    }
}
