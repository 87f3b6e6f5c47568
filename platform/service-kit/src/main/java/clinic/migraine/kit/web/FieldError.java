package clinic.migraine.kit.web;

/** One field that failed validation, as listed under {@code errors} in a problem body. */
public record FieldError(String field, String message) {
}
