package clinic.migraine.followup.checkin.messaging;

import java.util.UUID;

import clinic.migraine.events.FollowUpKind;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.SideEffect;
import clinic.migraine.followup.checkin.domain.AnswerEvents;
import clinic.migraine.followup.checkin.domain.AnswerRecorded;
import clinic.migraine.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/** A recorded answer as FollowUpRecorded, into the outbox in the caller's transaction; the patient's note stays out. */
@Component
class OutboxAnswerEvents implements AnswerEvents {

    private final Outbox outbox;

    OutboxAnswerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void answerRecorded(AnswerRecorded recorded) {
        outbox.publish(FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(recorded.answeredAt())
                .setReferralId(recorded.referralId()).setCycle(recorded.cycle())
                .setKind(FollowUpKind.valueOf(recorded.kind().name()))
                .setHeadacheDaysLast30(recorded.headacheDaysLast30())
                .setSideEffects(recorded.sideEffects().stream().map(effect -> SideEffect.valueOf(effect.name())).toList())
                .setUrgent(recorded.urgent()).build());
    }
}
