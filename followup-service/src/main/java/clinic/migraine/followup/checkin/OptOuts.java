package clinic.migraine.followup.checkin;

import java.util.UUID;

import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.kit.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A patient stops the clinic's emails from the link in one of them; the audit trail keeps when. */
@Service
public class OptOuts {

    private final FollowupStore store;
    private final AuditTrail audit;

    public OptOuts(FollowupStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    public boolean optedOutOfEmail(UUID referralId) {
        return store.contact(referralId).map(FollowupStore.Contact::emailOptedOut).orElse(false);
    }

    @Transactional
    public void optOutOfEmail(UUID referralId) {
        store.optOut(referralId, "EMAIL", true);
        audit.recordBy(Answers.PATIENT, "opted out of email", "referral", referralId, referralId, "EMAIL");
    }
}
