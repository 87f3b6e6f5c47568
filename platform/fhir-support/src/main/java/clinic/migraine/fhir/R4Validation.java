package clinic.migraine.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's validator against the base R4 profiles, for the services' tests (the validator is an optional
 * dependency of this module: a service that checks what it produces adds hapi-fhir-validation and
 * hapi-fhir-validation-resources-r4 to its test scope). Costly to build: keep one per test class.
 */
public final class R4Validation {

    private final FhirValidator validator;

    public R4Validation(FhirContext context) {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        this.validator = context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** Errors and fatal findings, each as "location: message"; empty when the resource is valid R4. */
    public List<String> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::describe).toList();
    }

    /** Errors in a resource given as JSON text. */
    public List<String> errors(String json) {
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::describe).toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
