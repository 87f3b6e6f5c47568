package clinic.migraine.kit.web;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the JSON field behind a body that could not be read, without echoing the value sent. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String fieldPath(Throwable error) {
        JacksonException jackson = find(error);
        if (jackson == null || jackson instanceof StreamReadException) {
            return null;
        }
        List<JacksonException.Reference> path = jackson.getPath();
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    static String reason(Throwable error) {
        JacksonException jackson = find(error);
        if (jackson instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (jackson instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (jackson instanceof MismatchedInputException mismatch && StrictTimes.expected(mismatch.getTargetType()) != null) {
            return StrictTimes.expected(mismatch.getTargetType());
        }
        return "has the wrong type or format";
    }

    private static JacksonException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
