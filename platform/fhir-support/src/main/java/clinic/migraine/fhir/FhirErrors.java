package clinic.migraine.fhir;

import java.util.List;

import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.kit.web.RequestTooLargeException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The FHIR endpoints' refusals as OperationOutcome: 400 with one issue per field, 404 for an unknown id, 409/422
 * for the domain's conflicts and rules (each violation an issue), 500 without detail for our own faults. Ahead of
 * the kit's problem-details advice, for {@link FhirApi} controllers only.
 */
@RestControllerAdvice(annotations = FhirApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<OperationOutcome> refused(FhirProblem problem) {
        return answer(problem.status(), problem.outcome());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<OperationOutcome> domain(DomainException refusal) {
        HttpStatus status = refusal instanceof NotFound ? HttpStatus.NOT_FOUND
                : refusal instanceof RuleBroken ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        OperationOutcome.IssueType type = refusal instanceof NotFound ? OperationOutcome.IssueType.NOTFOUND
                : refusal instanceof RuleBroken ? OperationOutcome.IssueType.BUSINESSRULE
                : OperationOutcome.IssueType.CONFLICT;
        List<FhirProblem.Issue> issues = refusal.violations().isEmpty()
                ? List.of(new FhirProblem.Issue(type, null, refusal.getMessage()))
                : refusal.violations().stream().map(v -> new FhirProblem.Issue(type, v.field(), v.message())).toList();
        return answer(status, Outcomes.of(issues));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<OperationOutcome> badParameter(Exception e) {
        String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return answer(HttpStatus.BAD_REQUEST, Outcomes.of(List.of(FhirProblem.Issue.invalid(name,
                "The search parameter '" + name + "' is missing or has the wrong form"))));
    }

    /** A body the kit's size limit cut off while it was read (sent without a length), or one that is no text. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OperationOutcome> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException) {
                return tooLarge();
            }
        }
        return answer(HttpStatus.BAD_REQUEST, Outcomes.of(OperationOutcome.IssueType.INVALID,
                "The body could not be read"));
    }

    static ResponseEntity<OperationOutcome> tooLarge() {
        return answer(HttpStatus.CONTENT_TOO_LARGE, Outcomes.of(OperationOutcome.IssueType.TOOLONG,
                "The body is larger than this server takes"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<OperationOutcome> unsupported(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Outcomes.of(OperationOutcome.IssueType.NOTSUPPORTED,
                "Send application/fhir+json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<OperationOutcome> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, Outcomes.of(OperationOutcome.IssueType.NOTSUPPORTED,
                "This server answers application/fhir+json only"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OperationOutcome> unexpected(Exception e) {
        log.error("Unexpected error while handling a FHIR request", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, Outcomes.of(OperationOutcome.IssueType.EXCEPTION,
                "The request could not be completed"));
    }

    static ResponseEntity<OperationOutcome> answer(HttpStatus status, OperationOutcome outcome) {
        return ResponseEntity.status(status).contentType(FhirResourceConverter.FHIR_JSON).body(outcome);
    }
}
