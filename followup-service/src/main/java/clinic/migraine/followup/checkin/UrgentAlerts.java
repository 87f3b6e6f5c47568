package clinic.migraine.followup.checkin;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.security.Actors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's urgent alerts (answers reporting possible toxin spread) and who dealt with each. */
@Service
public class UrgentAlerts {

    static final int SHOWN = 200;

    public enum Handling { HANDLED, ALREADY_HANDLED, NOT_FOUND }

    private final FollowupStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public UrgentAlerts(FollowupStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first. */
    public List<FollowupStore.Answer> newest() {
        return store.urgentAnswers(SHOWN);
    }

    /** Marks an alert handled by the signed-in clinician, with an audit entry; once only. */
    @Transactional
    public Handling markHandled(UUID alertId) {
        var alert = store.answer(alertId).filter(FollowupStore.Answer::urgent);
        if (alert.isEmpty()) {
            return Handling.NOT_FOUND;
        }
        if (!store.markHandled(alertId, Actors.current(), clock.instant())) {
            return Handling.ALREADY_HANDLED;
        }
        audit.record("urgent alert handled", "follow-up-answer", alertId, alert.get().referralId(),
                "cycle " + alert.get().cycle());
        return Handling.HANDLED;
    }
}
