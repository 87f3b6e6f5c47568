package clinic.migraine.followup.checkin.messaging;

import java.time.Clock;
import java.util.UUID;

import clinic.migraine.events.PatientReplied;
import clinic.migraine.events.PatientReply;
import clinic.migraine.followup.checkin.application.PatientReplies;
import clinic.migraine.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Maps a text reply to {@code PatientReplied} and writes it to the outbox. */
@Component
class OutboxPatientReplies implements PatientReplies {

    private final Outbox outbox;
    private final Clock clock;

    OutboxPatientReplies(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void confirmed(UUID referralId) {
        publish(referralId, PatientReply.CONFIRM);
    }

    @Override
    public void callMe(UUID referralId) {
        publish(referralId, PatientReply.CALL_ME);
    }

    private void publish(UUID referralId, PatientReply reply) {
        outbox.publish(PatientReplied.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(clock.instant())
                .setReferralId(referralId).setReply(reply).build());
    }
}
