package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import clinic.migraine.fhir.R4Validation;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An EHR's round trip over the running system: the shipped example Bundle posted to intake becomes a referral,
 * eligibility and scheduling book it, and scheduling answers the booked visit as a FHIR Appointment found by the
 * patient id the ServiceRequest names; everything that comes back is valid R4.
 */
class FhirRoundTripIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static RunningSystem system;
    private static R4Validation validation;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
        validation = new R4Validation(R4);
    }

    @Test
    void aReferralSentAsABundleIsBookedAndItsVisitComesBackAsAnAppointment() throws IOException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String bundle = Files.readString(RunningSystem.projectRoot().resolve("examples/referral-bundle.json"))
                .replace("REF-2026-000417", "REF-" + unique).replace("XJ-448120", "XJ-" + unique)
                .replace("lucia.alvarez@example.org", "lucia-" + unique + "@example.org")
                .replace("1984-03-09", "1979-" + String.format("%02d", 1 + Math.floorMod(unique.hashCode(), 12)) + "-11");

        Api.Answer sent = system.intake.as("intake").post("/fhir/Bundle", bundle,
                Map.of("Accept", "application/fhir+json"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        ServiceRequest request = R4.newJsonParser().parseResource(ServiceRequest.class, sent.body());
        assertThat(validation.errors(request)).isEmpty();
        String referral = request.getIdPart();
        String patient = request.getSubject().getIdentifier().getValue();

        Api.Answer scheduled = system.awaitStatus(referral, "SCHEDULED");
        Api.Answer followed = system.intake.as("intake").get("/fhir/ServiceRequest/" + referral);
        assertThat(R4.newJsonParser().parseResource(ServiceRequest.class, followed.body()).getStatus())
                .isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);

        Api.Answer found = system.scheduling.as("scheduler").get("/fhir/Appointment?patient=Patient/" + patient);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        Bundle visits = R4.newJsonParser().parseResource(Bundle.class, found.body());
        assertThat(validation.errors(visits)).isEmpty();
        assertThat(visits.getEntry()).hasSize(1);
        Appointment visit = (Appointment) visits.getEntryFirstRep().getResource();
        assertThat(visit.getIdPart()).isEqualTo(scheduled.<String>read("$.appointment.id"));
        assertThat(visit.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(visit.getStart().toInstant())
                .isEqualTo(OffsetDateTime.parse(scheduled.<String>read("$.appointment.start")).toInstant());
        assertThat(visit.getParticipantFirstRep().getActor().getDisplay()).isEqualTo("Alvarez, Lucia");
    }
}
