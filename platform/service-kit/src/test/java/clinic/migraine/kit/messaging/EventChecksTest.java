package clinic.migraine.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.DrugClass;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.Payer;
import clinic.migraine.events.PreventiveTrial;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.TrialResult;
import org.junit.jupiter.api.Test;

class EventChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSensibleBookingPasses() {
        assertThat(EventChecks.problems(booking(NOW, 1, NOW.plus(3, ChronoUnit.DAYS), "America/Los_Angeles"), NOW)).isEmpty();
    }

    @Test
    void aBookingWithNonsenseValuesIsRefusedNamingFieldsNotValues() {
        Instant start = NOW.plus(3, ChronoUnit.DAYS);
        AppointmentBooked nonsense = booking(Instant.parse("1900-01-01T00:00:00Z"), 0, start, "Mars/Olympus");
        nonsense.setEnd(start.minusSeconds(60));

        assertThat(EventChecks.problems(nonsense, NOW)).containsExactlyInAnyOrder(
                "occurredAt is not a plausible time", "cycle is outside 1..100", "clinicTimeZone is not a time zone",
                "end is not after start");
        assertThat(EventChecks.problems(booking(NOW.plus(3000, ChronoUnit.DAYS), 1, start, "UTC"), NOW))
                .containsExactly("occurredAt is not a plausible time");
    }

    @Test
    void nestedRecordsAndListsAreCheckedToo() {
        ReferralSubmitted referral = referral(40, 90);
        assertThat(EventChecks.problems(referral, NOW)).isEmpty();
        referral.getClinical().setHeadacheDaysPerMonth(40);
        referral.getClinical().getPreventiveTrials().get(0).setDays(-5);
        referral.getContact().setTimeZone("Nowhere/Town");

        assertThat(EventChecks.problems(referral, NOW)).containsExactlyInAnyOrder(
                "clinical.headacheDaysPerMonth is outside 0..31", "clinical.preventiveTrials[0].days is outside 0..36600",
                "contact.timeZone is not a time zone");
    }

    private static AppointmentBooked booking(Instant occurredAt, int cycle, Instant start, String zone) {
        return AppointmentBooked.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(occurredAt)
                .setReferralId(UUID.randomUUID()).setAppointmentId(UUID.randomUUID()).setCycle(cycle)
                .setProviderId("p-1").setLocation("Marina Del Rey").setStart(start).setEnd(start.plusSeconds(1800))
                .setClinicTimeZone(zone).build();
    }

    private static ReferralSubmitted referral(int headacheDays, int trialDays) {
        return ReferralSubmitted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(NOW)
                .setReferralId(UUID.randomUUID()).setPatientId(UUID.randomUUID()).setDateOfBirth(LocalDate.of(1984, 3, 9))
                .setContact(ReferralContact.newBuilder().setEmail("a@example.org").setTimeZone("America/New_York")
                        .setPreferredChannel(ContactChannel.EMAIL).build())
                .setPayer(Payer.newBuilder().setPolicy("label").setMemberId("M-1").build()).setDiagnosisCode("G43.709")
                .setClinical(ClinicalHistory.newBuilder().setHeadacheDaysPerMonth(Math.min(headacheDays, 31))
                        .setMigraineDaysPerMonth(10).setChronicMigraineMonths(9)
                        .setPreventiveTrials(List.of(PreventiveTrial.newBuilder().setDrug("topiramate")
                                .setDrugClass(DrugClass.ANTICONVULSANT).setDays(trialDays).setResult(TrialResult.INEFFECTIVE)
                                .build()))
                        .setMedicationOveruse(MedicationOveruse.NONE).setOnCgrpAntibody(false)
                        .setContraindications(List.of()).build())
                .build();
    }
}
