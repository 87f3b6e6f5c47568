package clinic.migraine.followup.checkin.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.checkin.domain.AlertAlreadyHandled;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.Answers;
import clinic.migraine.followup.checkin.domain.NotAnAlert;
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
    private final AuditTrail audit;
    private final Clock clock;

    public UrgentAlerts(Answers answers, AuditTrail audit, Clock clock) {
        this.answers = answers;
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

    /** Marks an alert handled by the signed-in clinician, with an audit entry; once only. */
    @Transactional
    public Handling markHandled(UUID alertId) {
        Optional<Answer> alert = answers.find(alertId);
        if (alert.isEmpty()) {
            return Handling.NOT_FOUND;
        }
        try {
            if (!answers.saveHandled(alert.get().markHandled(Actors.current(), clock.instant()))) {
                return Handling.ALREADY_HANDLED;
            }
        } catch (NotAnAlert e) {
            return Handling.NOT_FOUND;
        } catch (AlertAlreadyHandled e) {
            return Handling.ALREADY_HANDLED;
        }
        audit.record(alert.get().urgent() ? "urgent alert handled" : "clinician task done", "follow-up-answer", alertId, alert.get().referralId(),
                "cycle " + alert.get().cycle());
        return Handling.HANDLED;
    }
}
