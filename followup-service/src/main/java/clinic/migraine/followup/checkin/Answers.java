package clinic.migraine.followup.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.FollowUpKind;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.SideEffect;
import clinic.migraine.followup.plan.FollowUps;
import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.web.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a patient's answer once per link and tells the clinic at once about urgent side effects. */
@Service
public class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);

    public record Answer(boolean neckPainOrStiffness, boolean injectionSitePain, boolean droopingEyelid,
            boolean troubleSwallowingSpeakingBreathing, Integer headacheDaysLast30) {
    }

    private final FollowupStore store;
    private final FollowUps followUps;
    private final Outbox outbox;
    private final Clock clock;

    public Answers(FollowupStore store, FollowUps followUps, Outbox outbox, Clock clock) {
        this.store = store;
        this.followUps = followUps;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public FollowUpRecorded record(LinkTokens.Link link, Answer answer) {
        List<SideEffect> effects = new ArrayList<>();
        if (answer.neckPainOrStiffness()) {
            effects.add(SideEffect.NECK_PAIN_OR_STIFFNESS);
        }
        if (answer.injectionSitePain()) {
            effects.add(SideEffect.INJECTION_SITE_PAIN);
        }
        if (answer.droopingEyelid()) {
            effects.add(SideEffect.DROOPING_EYELID);
        }
        if (answer.troubleSwallowingSpeakingBreathing()) {
            effects.add(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING);
        }
        boolean urgent = answer.troubleSwallowingSpeakingBreathing();
        FollowUpKind kind = "CHECK_IN".equals(link.purpose()) ? FollowUpKind.CHECK_IN : FollowUpKind.DIARY;
        Instant now = clock.instant();
        try {
            store.saveAnswer(link.messageId(), link.referralId(), link.cycle(), kind.name(), answer.headacheDaysLast30(),
                    effects.toString(), urgent, now);
        } catch (DuplicateKeyException e) {
            throw DomainProblem.conflict("This form was already answered");
        }
        FollowUpRecorded event = FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(link.referralId()).setCycle(link.cycle()).setKind(kind)
                .setHeadacheDaysLast30(answer.headacheDaysLast30()).setSideEffects(effects).setUrgent(urgent).build();
        outbox.publish(event);
        if (urgent) {
            String subject = "urgent:" + link.messageId();
            followUps.plan(link.referralId(), subject, "URGENT_ALERT", "clinic", null, link.cycle(), now);
            followUps.plan(link.referralId(), subject, "URGENT_ADVICE", "patient", null, link.cycle(), now);
            log.warn("Urgent side effects reported for referral {}; clinic alerted", link.referralId());
        }
        return event;
    }
}
