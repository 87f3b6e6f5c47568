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

    /** Claims a planned message for sending; false if it was already claimed, sent or cancelled. */
    boolean claim(UUID id);

    void finish(UUID id, MessageStatus status, String reason, Instant sentAt);

    /** A claimed message goes back to PLANNED, due at {@code until} (held out of the patient's quiet hours). */
    void postpone(UUID id, Instant until, String reason);

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
     * Messages a crash left between claim and send. Their fate is unknown: a routine one is marked UNKNOWN and not
     * sent again (no duplicate); an urgent one is planned again, since a duplicate alert is better than a lost one.
     *
     * @return the urgent messages planned again, to be sent at once
     */
    Interrupted settleInterruptedSends();

    /** What {@link #settleInterruptedSends()} did. */
    record Interrupted(int markedUnknown, List<UUID> urgentToSendAgain) {

        public Interrupted {
            urgentToSendAgain = List.copyOf(urgentToSendAgain);
        }
    }
}
