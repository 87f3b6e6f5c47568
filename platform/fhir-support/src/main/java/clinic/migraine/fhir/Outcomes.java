package clinic.migraine.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;

/** OperationOutcome resources built from issues. */
public final class Outcomes {

    private Outcomes() {
    }

    public static OperationOutcome of(List<FhirProblem.Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        if (issues.isEmpty()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics("The request was refused");
        }
        for (FhirProblem.Issue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent added = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(issue.type())
                    .setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                added.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    public static OperationOutcome of(OperationOutcome.IssueType type, String diagnostics) {
        return of(List.of(new FhirProblem.Issue(type, null, diagnostics)));
    }
}
