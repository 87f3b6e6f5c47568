package clinic.migraine.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;

/**
 * A refused FHIR request: the HTTP status and one issue per fault, each naming where it is
 * ({@code Patient.birthDate}) when it is about one element. Messages are shown to the sender, so they never quote
 * the patient's data.
 */
public class FhirProblem extends RuntimeException {

    /** One fault: its FHIR issue type, where it is (a FHIRPath expression, or null for the whole request), why. */
    public record Issue(OperationOutcome.IssueType type, String expression, String diagnostics) {

        public static Issue invalid(String expression, String diagnostics) {
            return new Issue(OperationOutcome.IssueType.INVALID, expression, diagnostics);
        }

        public static Issue required(String expression, String diagnostics) {
            return new Issue(OperationOutcome.IssueType.REQUIRED, expression, diagnostics);
        }

        public static Issue codeInvalid(String expression, String diagnostics) {
            return new Issue(OperationOutcome.IssueType.CODEINVALID, expression, diagnostics);
        }
    }

    private final HttpStatus status;
    private final List<Issue> issues;

    public FhirProblem(HttpStatus status, List<Issue> issues) {
        super(issues.isEmpty() ? status.getReasonPhrase() : issues.get(0).diagnostics());
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public static FhirProblem badRequest(List<Issue> issues) {
        return new FhirProblem(HttpStatus.BAD_REQUEST, issues);
    }

    public static FhirProblem badRequest(Issue issue) {
        return badRequest(List.of(issue));
    }

    /** 404: no resource of this type with the id asked for. */
    public static FhirProblem notFound(String type) {
        return new FhirProblem(HttpStatus.NOT_FOUND, List.of(new Issue(OperationOutcome.IssueType.NOTFOUND, null,
                "No " + type + " with this id")));
    }

    public HttpStatus status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** The answer: an error-level issue per fault. */
    public OperationOutcome outcome() {
        return Outcomes.of(issues);
    }
}
