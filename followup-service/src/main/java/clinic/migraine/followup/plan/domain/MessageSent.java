package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/** A message went out. */
public record MessageSent(UUID messageId, UUID referralId, MessageKind kind, Channel channel, Instant sentAt,
        UUID appointmentId, Integer cycle) {
}
