package clinic.migraine.followup.checkin.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.checkin.domain.AlertAlreadyHandled;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.Answers;
import clinic.migraine.followup.checkin.domain.NotAnAlert;
import clinic.migraine.followup.plan.application.FollowUps;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.security.Actors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's urgent alerts (answers reporting possible toxin spread), the clinicians' tasks (side effects to know
 * about without an emergency), and who dealt with each.
 */
@Service
public class UrgentAlerts {

    static final int SHOWN = 200;

    public enum Handling { HANDLED, ALREADY_HANDLED, NOT_FOUND }

    private final Answers answers;
    private final FollowUps followUps;
    private final AuditTrail audit;
    private final Clock clock;

    public UrgentAlerts(Answers answers, FollowUps followUps, AuditTrail audit, Clock clock) {
        this.answers = answers;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Answer> newest() {
        return answers.newestUrgent(SHOWN);
    }

    /** The clinicians' tasks (side effects to know about, not emergencies), newest first. */
    @Transactional(readOnly = true)
    public List<Answer> tasks() {
        return answers.newestTasks(SHOWN);
    }

    /** A patient's answers, newest first. */
    @Transactional(readOnly = true)
    public List<Answer> answersOf(UUID referralId) {
        return answers.ofReferral(referralId);
    }

    /** Marks a clinician's task done by the signed-in clinician, with an audit entry; once only. */
    @Transactional
    public Handling markDone(UUID taskId) {
        Optional<Answer> task = answers.find(taskId);
        if (task.isEmpty() || !task.get().clinicianTask()) {
            return Handling.NOT_FOUND;
        }
        try {
            if (!answers.saveHandled(task.get().markHandled(Actors.current(), clock.instant()))) {
                return Handling.ALREADY_HANDLED;
            }
        } catch (AlertAlreadyHandled e) {
            return Handling.ALREADY_HANDLED;
        }
        audit.record("clinician task done", "follow-up-answer", taskId, task.get().referralId(),
                "cycle " + task.get().cycle());
        return Handling.HANDLED;
    }

    /**
     * The signed-in clinician acknowledges an urgent alert: someone is on it, and the escalations still ahead are
     * cancelled. Audited; once only.
     *
     * @throws NotAnAlert when there is no such alert
     * @throws AlertAlreadyHandled when someone acknowledged it first
     */
    @Transactional
    public Answer acknowledge(UUID alertId) {
        Answer alert = answers.find(alertId).orElseThrow(() -> new NotAnAlert(alertId));
        Answer acknowledged = alert.acknowledge(Actors.current(), clock.instant());
        if (!answers.saveHandled(acknowledged)) {
            throw new AlertAlreadyHandled();
        }
        followUps.alertAcknowledged(alertId);
        audit.record("urgent alert acknowledged", "follow-up-answer", alertId, alert.referralId(),
                "cycle " + alert.cycle());
        return acknowledged;
    }

    /**
     * The signed-in clinician closes an urgent alert with a note on what was done (acknowledging it too, if it was
     * still open). Audited without the note; once only.
     *
     * @throws NotAnAlert when there is no such alert
     * @throws AlertAlreadyHandled when it was closed before
     */
    @Transactional
    public Answer close(UUID alertId, String note) {
        Answer alert = answers.find(alertId).orElseThrow(() -> new NotAnAlert(alertId));
        Answer closed = alert.close(Actors.current(), clock.instant(), note);
        if (!answers.saveClosed(closed)) {
            throw new AlertAlreadyHandled("This alert was already closed");
        }
        followUps.alertAcknowledged(alertId);
        audit.record("urgent alert closed", "follow-up-answer", alertId, alert.referralId(), "cycle " + alert.cycle());
        return closed;
    }

    /** How many escalations of an alert went out to the on-call staff. */
    @Transactional(readOnly = true)
    public int escalationsSent(UUID alertId) {
        return followUps.escalationsSent(alertId);
    }
}
