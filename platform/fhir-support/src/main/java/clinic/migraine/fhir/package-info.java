/**
 * HL7 FHIR R4 over HTTP for the services that speak it (intake takes referrals as Bundles, scheduling answers
 * Appointments and Slots): one {@link ca.uhn.fhir.context.FhirContext}, resources read and written as
 * {@code application/fhir+json}, and every refusal answered as an {@code OperationOutcome} with one issue per
 * field, the way FHIR clients expect, instead of the project's problem details.
 */
package clinic.migraine.fhir;
