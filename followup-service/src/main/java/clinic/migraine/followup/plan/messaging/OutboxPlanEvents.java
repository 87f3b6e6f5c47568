package clinic.migraine.followup.plan.messaging;

import java.util.UUID;

import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.NotificationKind;
import clinic.migraine.events.PatientNotified;
import clinic.migraine.followup.plan.domain.CycleDue;
import clinic.migraine.followup.plan.domain.MessageSent;
import clinic.migraine.followup.plan.domain.PlanEvents;
import clinic.migraine.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * The plan's events as Avro, into the outbox in the caller's transaction. Event ids are derived from what they
 * are about, so a message sent or a cycle found due is announced under one id however often it is retried.
 */
@Component
class OutboxPlanEvents implements PlanEvents {

    private final Outbox outbox;

    OutboxPlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void messageSent(MessageSent sent) {
        outbox.publish(PatientNotified.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("notified:" + sent.messageId()).getBytes()))
                .setOccurredAt(sent.sentAt()).setReferralId(sent.referralId())
                .setKind(NotificationKind.valueOf(sent.kind().name()))
                .setChannel(ContactChannel.valueOf(sent.channel().name()))
                .setSentAt(sent.sentAt()).setAppointmentId(sent.appointmentId()).setCycle(sent.cycle()).build());
    }

    @Override
    public void cycleDue(CycleDue due) {
        outbox.publish(NextCycleDue.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("next-cycle:" + due.referralId() + ":" + due.completedCycle())
                        .getBytes()))
                .setOccurredAt(due.occurredAt()).setReferralId(due.referralId()).setNextCycle(due.nextCycle())
                .setLastTreatmentDate(due.lastTreatmentDate()).setEarliestDate(due.earliestDate())
                .setLatestHeadacheDays(due.latestHeadacheDays()).build());
    }
}
