package clinic.migraine.followup.plan.application;

import java.util.UUID;

/** The signed links a message carries, each naming the message that carried it. */
public interface PatientLinkUrls {

    String checkIn(UUID messageId);

    String diary(UUID messageId);

    String unsubscribe(UUID messageId);
}
