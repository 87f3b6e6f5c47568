package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the plan asks for, before it is placed on a channel and out of the patient's quiet hours.
 * {@code label} tells apart messages of one kind for one subject (each reminder's lead time, each diary request,
 * each escalation). {@code channel} is null for the patient's own channel.
 */
public record PlannedMessage(UUID referralId, String subjectKey, MessageKind kind, String label, UUID appointmentId,
        Integer cycle, Instant due, Channel channel) {

    public PlannedMessage(UUID referralId, String subjectKey, MessageKind kind, String label, UUID appointmentId,
            Integer cycle, Instant due) {
        this(referralId, subjectKey, kind, label, appointmentId, cycle, due, null);
    }
}
