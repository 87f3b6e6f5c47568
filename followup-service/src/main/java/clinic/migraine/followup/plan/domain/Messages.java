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

    /** Cancels what is still planned for an appointment (or, with null, for the whole referral). */
    List<UUID> cancelPlanned(UUID referralId, UUID appointmentId, String reason);

    /** Messages a crash left between claim and send: their fate is unknown, so they are not sent again. */
    int markInterruptedSends();
}
