package clinic.migraine.followup.checkin.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check-in or diary was answered; the patient's note is not part of it. */
public record AnswerRecorded(UUID answerId, UUID referralId, int cycle, AnswerKind kind, Integer headacheDaysLast30,
        List<SideEffect> sideEffects, boolean urgent, Instant answeredAt) implements AnswerEvent {

    public AnswerRecorded {
        sideEffects = List.copyOf(sideEffects);
    }
}
