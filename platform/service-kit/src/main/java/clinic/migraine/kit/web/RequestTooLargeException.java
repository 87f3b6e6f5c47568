package clinic.migraine.kit.web;

import java.io.IOException;

/** The body passed the configured size limit while it was being read. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
