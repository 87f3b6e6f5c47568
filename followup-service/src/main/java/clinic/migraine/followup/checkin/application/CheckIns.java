package clinic.migraine.followup.checkin.application;

import java.time.Clock;
import java.util.Optional;

import clinic.migraine.followup.checkin.domain.AlreadyAnswered;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.AnswerEvents;
import clinic.migraine.followup.checkin.domain.AnswerKind;
import clinic.migraine.followup.checkin.domain.AnswerRecorded;
import clinic.migraine.followup.checkin.domain.Answers;
import clinic.migraine.followup.checkin.domain.Reply;
import clinic.migraine.followup.checkin.domain.UrgentSideEffectsReported;
import clinic.migraine.followup.plan.application.FollowUps;
import clinic.migraine.kit.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a patient's answer once per link and tells the clinic at once about urgent side effects: trouble
 * swallowing, speaking or breathing (possible toxin spread) becomes an alert for clinicians, an email to the
 * clinic and advice to the patient.
 */
@Service
public class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

    /** How the audit trail names a patient acting through a signed link. */
    static final String PATIENT = "patient";

    private final Answers answers;
    private final AnswerEvents events;
    private final FollowUps followUps;
    private final AuditTrail audit;
    private final Clock clock;

    public CheckIns(Answers answers, AnswerEvents events, FollowUps followUps, AuditTrail audit, Clock clock) {
        this.answers = answers;
        this.events = events;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws AlreadyAnswered when this link was answered before */
    @Transactional
    public Answer record(PatientLinks.Target link, AnswerKind kind, Reply reply) {
        if (answers.find(link.messageId()).isPresent()) {
            throw new AlreadyAnswered();
        }
        Answer.Recorded recorded = Answer.record(link.messageId(), link.referralId(), link.cycle(), kind, reply,
                clock.instant());
        answers.add(recorded.answer());
        recorded.events().forEach(event -> {
            if (event instanceof AnswerRecorded answered) {
                events.answerRecorded(answered);
            } else if (event instanceof UrgentSideEffectsReported urgent) {
                raiseTheAlarm(urgent);
            }
        });
        return recorded.answer();
    }

    /** The answer given through this link, if any. */
    @Transactional(readOnly = true)
    public Optional<Answer> answered(PatientLinks.Target link) {
        return answers.find(link.messageId());
    }

    private void raiseTheAlarm(UrgentSideEffectsReported urgent) {
        followUps.urgentAnswer(urgent.referralId(), urgent.answerId(), urgent.cycle());
        audit.recordBy(PATIENT, "urgent side effects reported", "follow-up-answer", urgent.answerId(),
                urgent.referralId(), "cycle " + urgent.cycle() + ": " + urgent.sideEffects());
        log.warn("Urgent side effects reported for referral {}; clinic alerted", urgent.referralId());
    }
}
