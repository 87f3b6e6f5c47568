package clinic.migraine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FhirJsonTest {

    private final FhirJson json = new FhirJson();

    @Test
    void readsTheResourceTypeItIsAskedFor() {
        Patient patient = json.parse("{\"resourceType\":\"Patient\",\"birthDate\":\"1984-03-09\"}", Patient.class);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1984-03-09");
    }

    @Test
    void textThatIsNotFhirJsonIsA400NamingWhy() {
        assertThat(refusal("not json").getMessage()).contains("not valid FHIR JSON");
        assertThat(refusal("").getMessage()).contains("body is empty");
        assertThat(refusal("{\"resourceType\":\"Patient\"}").getMessage()).contains("Expected resourceType Bundle");
    }

    @Test
    void anElementTheSenderMisspelledIsRefusedNotDropped() {
        assertThat(refusal("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entries\":[{\"x\":1}]}").getMessage())
                .contains("entries");
        assertThat(refusal("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"total\":\"many\"}").status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRefusalIsAnOperationOutcomeWithAnErrorIssuePerFault() {
        FhirProblem problem = FhirProblem.badRequest(java.util.List.of(
                FhirProblem.Issue.invalid("Patient.birthDate", "in the future"),
                FhirProblem.Issue.required("Coverage", "missing")));
        OperationOutcome outcome = problem.outcome();
        assertThat(outcome.getIssue()).extracting(i -> i.getSeverity())
                .containsOnly(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .containsExactly("Patient.birthDate", "Coverage");
        assertThat(json.write(outcome)).contains("\"resourceType\":\"OperationOutcome\"");
    }

    private FhirProblem refusal(String body) {
        try {
            json.parse(body, Bundle.class);
        } catch (FhirProblem problem) {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            return problem;
        }
        throw new AssertionError("accepted: " + body);
    }
}
