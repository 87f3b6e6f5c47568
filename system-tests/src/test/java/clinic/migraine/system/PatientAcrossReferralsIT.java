package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One patient across referrals, on the whole running system: a patient treated in a first course and referred
 * again by another doctor is recognised by intake and booked by scheduling no sooner than 84 days after the
 * treatment, because eligibility names the patient on every decision.
 */
class PatientAcrossReferralsIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static RunningSystem system;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
    }

    @Test
    void aTreatedPatientReferredAgainByAnotherDoctorIsRecognisedAndBookedNoSoonerThan84DaysAfterTheTreatment() {
        String email = "again-" + UUID.randomUUID() + "@example.org";
        String first = system.submit(RunningSystem.referral(email, "label", "G43.709", ""));
        Api.Answer scheduled = system.awaitStatus(first, "SCHEDULED");
        String visit = scheduled.read("$.appointment.id");
        LocalDate treatedDay = OffsetDateTime.parse(scheduled.read("$.appointment.start")).toLocalDate();
        assertThat(system.scheduling.as("clinician").post("/api/appointments/" + visit + "/complete",
                Doses.preempt("C3391")).status()).isEqualTo(200);
        system.awaitStatus(first, "IN_TREATMENT");

        String byAnotherDoctor = RunningSystem.referral(email, "label", "G43.709", "")
                .replace("\"name\": \"Dr. Kim\", \"npi\": \"1234567893\"",
                        "\"name\": \"Dr. Okonkwo\", \"npi\": \"1245319599\"");
        assertThat(byAnotherDoctor).contains("Dr. Okonkwo");
        String again = system.submit(byAnotherDoctor);

        Api.Answer second = system.awaitStatus(again, "SCHEDULED");
        assertThat(second.<String>read("$.patient.id")).isEqualTo(scheduled.<String>read("$.patient.id"));
        LocalDate secondDay = OffsetDateTime.parse(second.read("$.appointment.start")).toLocalDate();
        assertThat(secondDay).isAfterOrEqualTo(treatedDay.plusDays(84));
    }
}
