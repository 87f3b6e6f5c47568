package clinic.migraine.intake.referral.web;

import java.net.URI;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.fhir.Capabilities;
import clinic.migraine.fhir.FhirApi;
import clinic.migraine.fhir.FhirJson;
import clinic.migraine.fhir.FhirProblem;
import clinic.migraine.fhir.FhirResourceConverter;
import clinic.migraine.fhir.Identifiers;
import clinic.migraine.intake.referral.application.ReferralIntake;
import clinic.migraine.intake.referral.application.ReferralQueries;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.kit.phone.PhoneNumbers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals from an EHR as FHIR R4: {@code POST /fhir/Bundle} (INTAKE) takes the Bundle {@link FhirReferrals}
 * reads, checks it exactly as {@code POST /api/referrals} does (400 with an issue per field, 422 for the rules)
 * and answers the referral as a ServiceRequest; the ServiceRequest's identifier (or an Idempotency-Key header)
 * makes a resend answer the first one (200) instead of a second referral. {@code GET /fhir/ServiceRequest/{id}}
 * follows it: active, on-hold while a clinician reviews, completed when the course ended, revoked when refused or
 * withdrawn. {@code GET /fhir/metadata} says exactly this.
 */
@RestController
@FhirApi
@RequestMapping(path = "/fhir", produces = {FhirResourceConverter.FHIR_JSON_VALUE, "application/json"})
class FhirReferralController {

    private static final String TREATMENT = "OnabotulinumtoxinA injections for chronic migraine (PREEMPT), every 12 weeks";

    private final FhirJson fhir;
    private final Validator validator;
    private final ReferralIntake intake;
    private final ReferralQueries queries;

    private final PhoneNumbers phones;

    FhirReferralController(FhirJson fhir, Validator validator, ReferralIntake intake, ReferralQueries queries,
            PhoneNumbers phones) {
        this.phones = phones;
        this.fhir = fhir;
        this.validator = validator;
        this.intake = intake;
        this.queries = queries;
    }

    @PostMapping(path = "/Bundle", consumes = {FhirResourceConverter.FHIR_JSON_VALUE, "application/json"})
    ResponseEntity<ServiceRequest> submit(@RequestBody(required = false) String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        FhirReferrals.Read read = FhirReferrals.read(fhir.parse(body, Bundle.class));
        Set<ConstraintViolation<ReferralRequest>> violations = validator.validate(read.request());
        if (!violations.isEmpty()) {
            throw FhirProblem.badRequest(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> FhirProblem.Issue.invalid(FhirReferrals.where(v.getPropertyPath().toString()),
                            label(v.getPropertyPath().toString()) + v.getMessage()))
                    .toList());
        }
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey : read.idempotencyKey();
        if (key != null && key.length() > 200) {
            throw FhirProblem.badRequest(FhirProblem.Issue.invalid("ServiceRequest.identifier",
                    "An identifier (or Idempotency-Key) of at most 200 characters"));
        }
        ReferralIntake.Accepted accepted;
        try {
            accepted = intake.submit(read.request().toDraft(phones), key);
        } catch (NotFound | RuleBroken refused) {
            throw refusal(refused, HttpStatus.UNPROCESSABLE_CONTENT, OperationOutcome.IssueType.BUSINESSRULE);
        } catch (DomainException conflict) {
            throw refusal(conflict, HttpStatus.CONFLICT, OperationOutcome.IssueType.CONFLICT);
        }
        ServiceRequest answer = serviceRequest(queries.find(accepted.id()).orElseThrow());
        return ResponseEntity.status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/fhir/ServiceRequest/" + accepted.id()))
                .contentType(FhirResourceConverter.FHIR_JSON).body(answer);
    }

    @GetMapping("/ServiceRequest/{id}")
    ServiceRequest referral(@PathVariable String id) {
        UUID referral;
        try {
            referral = UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            throw FhirProblem.notFound("ServiceRequest");
        }
        return serviceRequest(queries.find(referral).orElseThrow(() -> FhirProblem.notFound("ServiceRequest")));
    }

    @GetMapping("/metadata")
    CapabilityStatement metadata() {
        CapabilityStatement statement = Capabilities.server("intake-service",
                "Referrals for chronic-migraine Botox treatment: a Bundle in, its ServiceRequest out",
                "HTTP Basic or a signed-in session; the INTAKE role");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        rest.addResource().setType("Bundle").addInteraction()
                .setCode(CapabilityStatement.TypeRestfulInteraction.CREATE)
                .setDocumentation("A referral: a transaction or collection Bundle holding Patient, Practitioner, "
                        + "Coverage, Condition, ServiceRequest, Observations (" + FhirReferrals.FACTS
                        + ") and MedicationStatements; answers the ServiceRequest");
        rest.addResource().setType("ServiceRequest").addInteraction()
                .setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        return statement;
    }

    private ServiceRequest serviceRequest(Referral referral) {
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id().toString());
        request.addIdentifier(new Identifier().setSystem(Identifiers.REFERRAL).setValue(referral.id().toString()));
        request.setStatus(status(referral)).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setCode(new CodeableConcept().setText(TREATMENT))
                .setSubject(new Reference().setIdentifier(new Identifier().setSystem(Identifiers.PATIENT)
                        .setValue(referral.patientId().toString())))
                .setAuthoredOn(Date.from(referral.createdAt()));
        request.addReasonCode().addCoding().setSystem(FhirReferrals.ICD10_CM).setCode(referral.diagnosisCode());
        return request;
    }

    /** Staff withdrew it or it was refused: revoked; the course ended: completed; a clinician reviews: on hold. */
    static ServiceRequest.ServiceRequestStatus status(Referral referral) {
        if (referral.withdrawnAt() != null || referral.status() == ReferralStatus.NOT_ELIGIBLE) {
            return ServiceRequest.ServiceRequestStatus.REVOKED;
        }
        return switch (referral.status()) {
            case DISCONTINUED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case NEEDS_REVIEW -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        };
    }

    private static FhirProblem refusal(DomainException refused, HttpStatus status, OperationOutcome.IssueType type) {
        return new FhirProblem(status, refused.violations().isEmpty()
                ? List.of(new FhirProblem.Issue(type, null, refused.getMessage()))
                : refused.violations().stream().map(v -> new FhirProblem.Issue(type, FhirReferrals.where(v.field()),
                        label(v.field()) + v.message())).toList());
    }

    /** The referral field the message is about, as the JSON API names it, so both answers read alike. */
    private static String label(String field) {
        return field == null || field.isBlank() ? "" : field + ": ";
    }
}
