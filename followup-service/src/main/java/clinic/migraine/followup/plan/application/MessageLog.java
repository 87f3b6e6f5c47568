package clinic.migraine.followup.plan.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.followup.plan.domain.Message;
import clinic.migraine.followup.plan.domain.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff read: each patient's messages, sent or still to come, with why one was not sent, and the contact. */
@Service
@Transactional(readOnly = true)
public class MessageLog {

    private final Messages messages;
    private final Contacts contacts;

    public MessageLog(Messages messages, Contacts contacts) {
        this.messages = messages;
        this.contacts = contacts;
    }

    /** The newest messages of all patients, by when they were due. */
    public List<Message> newest(int limit) {
        return messages.newest(limit);
    }

    public List<Message> ofReferral(UUID referralId) {
        return messages.ofReferral(referralId);
    }

    public Optional<Contact> contact(UUID referralId) {
        return contacts.find(referralId);
    }
}
