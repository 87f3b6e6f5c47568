package clinic.migraine.kit.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request that the domain refuses, answered as RFC 9457 problem details: 409 for a conflict (slot taken),
 * 422 for a rule it breaks (the 84-day interval), 404 for an unknown id. Messages must not carry patient data.
 */
public class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public DomainProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public DomainProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static DomainProblem notFound(String what, Object id) {
        return new DomainProblem(HttpStatus.NOT_FOUND, what + " not found", "No " + what + " with id " + id);
    }

    public static DomainProblem conflict(String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static DomainProblem unprocessable(String detail, List<FieldError> errors) {
        return new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Request breaks a rule", detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
