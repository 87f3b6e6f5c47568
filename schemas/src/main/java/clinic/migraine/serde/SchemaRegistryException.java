package clinic.migraine.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The registry refused or could not be reached. {@link #status()} is 0 when there was no HTTP answer. */
public class SchemaRegistryException extends SerializationException {

    private final int status;

    public SchemaRegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** HTTP 409: the schema breaks the subject's compatibility rule. */
    public boolean isIncompatible() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
