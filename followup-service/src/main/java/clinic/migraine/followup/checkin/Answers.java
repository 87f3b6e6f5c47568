package clinic.migraine.followup.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.events.FollowUpKind;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.SideEffect;
import clinic.migraine.followup.plan.FollowUps;
import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.web.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a patient's answer once per link and tells the clinic at once about urgent side effects: trouble
 * swallowing, speaking or breathing (possible toxin spread) becomes an alert for clinicians, an email to the
 * clinic and advice to the patient.
 */
@Service
public class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);

    /** How the audit trail names a patient acting through a signed link. */
    static final String PATIENT = "patient";

    /**
     * @param headacheDaysLast30 the diary's measure, which the continuation test reads
     * @param headacheDaysSinceVisit what the check-in page asks two weeks after the injections; kept apart
     * @param note the patient's own words: stored for staff, never logged or published
     */
    public record Answer(Set<SideEffect> sideEffects, Integer headacheDaysLast30, Integer headacheDaysSinceVisit,
            Feeling feeling, String note) {

        public Answer {
            sideEffects = Set.copyOf(sideEffects);
        }

        public boolean urgent() {
            return sideEffects.contains(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING);
        }
    }

    /** The link was used already; the first answer stands. */
    public static class AlreadyAnswered extends DomainProblem {

        AlreadyAnswered() {
            super(HttpStatus.CONFLICT, "Conflict", "This form was already answered");
        }
    }

    private final FollowupStore store;
    private final FollowUps followUps;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public Answers(FollowupStore store, FollowUps followUps, Outbox outbox, AuditTrail audit, Clock clock) {
        this.store = store;
        this.followUps = followUps;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws AlreadyAnswered when this link was answered before */
    @Transactional
    public FollowupStore.Answer record(PatientLinks.Target link, FollowUpKind kind, Answer answer) {
        if (store.answer(link.messageId()).isPresent()) {
            throw new AlreadyAnswered();
        }
        // in the event's order, so the same answer always reads the same
        List<SideEffect> effects = List.of(SideEffect.values()).stream().filter(answer.sideEffects()::contains).toList();
        Instant now = clock.instant();
        FollowupStore.Answer saved = new FollowupStore.Answer(link.messageId(), link.referralId(), link.cycle(),
                kind.name(), answer.headacheDaysLast30(), answer.headacheDaysSinceVisit(),
                answer.feeling() == null ? null : answer.feeling().name(), effects.stream().map(Enum::name).toList(),
                answer.note() == null || answer.note().isBlank() ? null : answer.note().strip(), answer.urgent(), now,
                null, null);
        try {
            store.saveAnswer(saved);
        } catch (DuplicateKeyException e) {
            throw new AlreadyAnswered();
        }
        outbox.publish(FollowUpRecorded.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(link.referralId()).setCycle(link.cycle()).setKind(kind)
                .setHeadacheDaysLast30(answer.headacheDaysLast30()).setSideEffects(effects).setUrgent(answer.urgent())
                .build());
        if (answer.urgent()) {
            String subject = "urgent:" + link.messageId();
            followUps.plan(link.referralId(), subject, "URGENT_ALERT", "clinic", null, link.cycle(), now);
            followUps.plan(link.referralId(), subject, "URGENT_ADVICE", "patient", null, link.cycle(), now);
            audit.recordBy(PATIENT, "urgent side effects reported", "follow-up-answer", link.messageId(),
                    link.referralId(), "cycle " + link.cycle() + ": " + effects);
            log.warn("Urgent side effects reported for referral {}; clinic alerted", link.referralId());
        }
        return saved;
    }

    /** The answer given through this link, if any. */
    public java.util.Optional<FollowupStore.Answer> answered(PatientLinks.Target link) {
        return store.answer(link.messageId());
    }
}
