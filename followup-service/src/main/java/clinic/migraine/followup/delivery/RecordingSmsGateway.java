package clinic.migraine.followup.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default: no SMS leaves the machine. The message row in the database (GET /api/messages) is the
 * record of what would have been sent.
 */
public class RecordingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(RecordingSmsGateway.class);

    @Override
    public void send(String toE164, String body) {
        log.info("SMS recorded locally ({} characters)", body.length());
    }
}
