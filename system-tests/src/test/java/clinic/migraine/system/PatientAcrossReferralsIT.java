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
 * treatment, because eligibility names the patient on every decision; where the payer wants an authorization for
 * every course, the patient is held for a clinician when the one on file has run out.
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

    @Test
    void aReReferredPatientWhosePayerNeedsAnAuthorizationEveryCourseIsHeldWhenTheLastOneRanOut() {
        String email = "renew-" + UUID.randomUUID() + "@example.org";
        LocalDate from = LocalDate.now().minusDays(7);
        String first = system.submit(RunningSystem.referral(email, "commercial-precert", "G43.719",
                RunningSystem.threeFailedPreventives()));
        system.awaitStatus(first, "NEEDS_REVIEW");
        // the payer approved one treatment
        assertThat(system.eligibility.as("clinician").post("/api/reviews/" + openReview(first) + "/authorization",
                authorization("PA-5501", from, from.plusDays(365), 1)).status()).isEqualTo(200);
        Api.Answer scheduled = system.awaitStatus(first, "SCHEDULED");
        LocalDate treatedDay = OffsetDateTime.parse(scheduled.read("$.appointment.start")).toLocalDate();
        assertThat(system.scheduling.as("clinician").post("/api/appointments/" + scheduled.read("$.appointment.id")
                + "/complete", Doses.preempt("C3391")).status()).isEqualTo(200);
        system.awaitStatus(first, "IN_TREATMENT");

        String again = system.submit(RunningSystem.referral(email, "commercial-precert", "G43.719",
                        RunningSystem.threeFailedPreventives())
                .replace("\"name\": \"Dr. Kim\", \"npi\": \"1234567893\"", "\"name\": \"Dr. Okonkwo\", \"npi\": \"1245319599\""));

        // recognised, and the authorization on file has no treatment left: held for a clinician
        Api.Answer held = system.awaitStatus(again, "NEEDS_REVIEW");
        assertThat(held.<String>read("$.patient.id")).isEqualTo(scheduled.<String>read("$.patient.id"));
        assertThat(held.<java.util.List<String>>read("$.eligibility.reasons[*].code")).containsExactly("PRIOR_AUTH_EXPIRED");
        assertThat(system.eligibility.as("clinician").get("/api/authorizations?expiringWithinDays=0")
                .<java.util.List<String>>read("$[?(@.referralId == '" + first + "')].why[*]"))
                .containsExactly("NO_TREATMENTS_LEFT");

        // renewed: booked inside the new authorization, no sooner than 84 days after the treatment
        assertThat(system.eligibility.as("clinician").post("/api/reviews/" + openReview(again) + "/authorization",
                authorization("PA-5502", LocalDate.now(), LocalDate.now().plusDays(200), 2)).status()).isEqualTo(200);
        Api.Answer booked = system.awaitStatus(again, "SCHEDULED");
        LocalDate secondDay = OffsetDateTime.parse(booked.read("$.appointment.start")).toLocalDate();
        assertThat(secondDay).isAfterOrEqualTo(treatedDay.plusDays(84)).isBeforeOrEqualTo(LocalDate.now().plusDays(200));
    }

    private static String openReview(String referralId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            java.util.List<String> ids = system.eligibility.as("clinician").get("/api/reviews?status=OPEN")
                    .read("$[?(@.referralId == '" + referralId + "')].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, found -> found != null);
    }

    private static String authorization(String number, LocalDate from, LocalDate until, int treatments) {
        return "{\"authorizationNumber\":\"" + number + "\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until
                + "\",\"treatmentsAuthorized\":" + treatments + "}";
    }
}
