package clinic.migraine.followup.checkin.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Possible toxin spread: the clinic must be alerted at once and the patient told to seek care. */
public record UrgentSideEffectsReported(UUID answerId, UUID referralId, int cycle, List<SideEffect> sideEffects,
        Instant reportedAt) implements AnswerEvent {

    public UrgentSideEffectsReported {
        sideEffects = List.copyOf(sideEffects);
    }
}
