package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the plan asks for, before it is placed on the patient's channel and out of their quiet hours.
 * {@code label} tells apart messages of one kind for one subject (each reminder's lead time, each diary request).
 */
public record PlannedMessage(UUID referralId, String subjectKey, MessageKind kind, String label, UUID appointmentId,
        Integer cycle, Instant due) {
}
