package clinic.migraine.kit.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import clinic.migraine.domain.DomainException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answers {@code application/problem+json} (RFC 9457). Validation failures list each field under
 * {@code errors} as {@code [{"field", "message"}]}. Bad input is always a 4xx; only our own faults are a 5xx,
 * and those never echo the request.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_BASE = "https://clinic.invalid/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(fieldErrors(ex.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bodyErrors) {
                errors.addAll(fieldErrors(bodyErrors));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(
                        new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
            }
        });
        errors.sort(Comparator.comparing(FieldError::field));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, RequestTooLargeException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body exceeds the limit",
                    List.of());
        }
        String field = JsonErrors.fieldPath(ex);
        List<FieldError> errors = field == null ? List.of() : List.of(new FieldError(field, JsonErrors.reason(ex)));
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                field == null ? "The body is not well-formed JSON of the expected shape" : "A field has the wrong type or value",
                errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return validationProblem(List.of(new FieldError(name, "has the wrong format")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            errors.add(new FieldError(path.contains(".") ? path.substring(path.indexOf('.') + 1) : path,
                    violation.getMessage()));
        });
        errors.sort(Comparator.comparing(FieldError::field));
        return validationProblem(errors);
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<Object> domainProblem(DomainProblem problem) {
        return problem(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    /** The one place a domain's refusal becomes HTTP: 404, 409 or 422 by its kind, its fields under errors. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domainRefusal(DomainException refusal) {
        return problem(DomainErrors.status(refusal), refusal.title(), refusal.getMessage(),
                DomainErrors.fieldErrors(refusal));
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestTooLargeException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body exceeds the limit", List.of());
    }

    /** A body declared as multipart that cannot be parsed as such (no endpoint here takes multipart). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The body is not valid multipart data",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed", List.of());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail detail
                && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            detail.setType(URI.create(TYPE_BASE + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create(TYPE_BASE + status.value()));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static List<FieldError> fieldErrors(org.springframework.validation.Errors result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(globalField(e), e.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static String globalField(DefaultMessageSourceResolvable error) {
        return error instanceof org.springframework.validation.ObjectError object ? object.getObjectName() : "request";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
