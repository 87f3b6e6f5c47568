package clinic.migraine.followup.checkin.application;

import java.util.UUID;

import clinic.migraine.followup.checkin.domain.SmsKeyword;
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.kit.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient stops the clinic's emails from the link in one of them (the audit trail keeps when), or its texts by
 * replying STOP (and START to have them again). Opting out never silences an urgent alert to the clinic.
 */
@Service
public class OptOuts {

    private final Contacts contacts;
    private final AuditTrail audit;
    private final PatientReplies replies;

    public OptOuts(Contacts contacts, AuditTrail audit, PatientReplies replies) {
        this.contacts = contacts;
        this.audit = audit;
        this.replies = replies;
    }

    public boolean optedOutOfEmail(UUID referralId) {
        return contacts.find(referralId).map(Contact::emailOptedOut).orElse(false);
    }

    @Transactional
    public void optOutOfEmail(UUID referralId) {
        contacts.recordOptOut(referralId, Channel.EMAIL, true);
        audit.recordBy(CheckIns.PATIENT, "opted out of email", "referral", referralId, referralId, "EMAIL");
    }

    /**
     * Applies a text message's keyword to every referral with that number (C and R go to scheduling, for the
     * referral's next visit); returns the reply to send back.
     */
    @Transactional
    public String recordTextReply(String fromE164, String body) {
        SmsKeyword keyword = SmsKeyword.of(body);
        keyword.optedOut().ifPresent(optedOut -> contacts.withPhone(fromE164)
                .forEach(c -> contacts.recordOptOut(c.referralId(), Channel.SMS, optedOut)));
        if (keyword == SmsKeyword.CONFIRM) {
            contacts.withPhone(fromE164).forEach(c -> replies.confirmed(c.referralId()));
        } else if (keyword == SmsKeyword.CALL_ME) {
            contacts.withPhone(fromE164).forEach(c -> replies.callMe(c.referralId()));
        }
        return keyword.reply();
    }

    /** The reply to a text from a sender that is no phone number: the same as to a number no patient has. */
    public String replyToUnknownSender(String body) {
        return SmsKeyword.of(body).reply();
    }
}
