package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    private static final ReferralDraft DRAFT = new ReferralDraft(
            new ReferralDraft.PatientDetails("Ada", "Quill", LocalDate.of(1980, 5, 1), "ada@example.org", null,
                    "America/Los_Angeles", ContactChannel.EMAIL),
            new ReferralDraft.ReferringPractice("Dr Who", "1234567893"),
            new ReferralDraft.Coverage("acme-health", "M-1"), "G43.709",
            new ReferralDraft.ClinicalFacts(20, 12, 12, null, MedicationOveruse.NONE, false, null), null);

    private static Referral in(ReferralStatus status) {
        Referral received = Referral.receive(UUID.randomUUID(), UUID.randomUUID(), DRAFT, "{}", NOW.minusSeconds(60));
        return new Referral(received.id(), received.patientId(), received.firstName(), received.lastName(),
                received.dateOfBirth(), received.email(), received.phone(), received.timeZone(),
                received.preferredChannel(), received.referrerName(), received.referrerNpi(), received.payerPolicy(),
                received.memberId(), received.diagnosisCode(), received.clinicalJson(), status, received.createdAt(),
                null, null);
    }

    @Test
    void aReceivedReferralCarriesTheDraftAndWaitsForEligibility() {
        Referral referral = Referral.receive(UUID.randomUUID(), UUID.randomUUID(), DRAFT, "{}", NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(List.of(referral.lastName(), referral.payerPolicy(), referral.memberId()))
                .containsExactly("Quill", "acme-health", "M-1");
        assertThat(referral.preferredChannel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(referral.withdrawnAt()).isNull();
        assertThat(DRAFT.clinical().trials()).isEmpty();
        assertThat(DRAFT.clinical().contraindicationList()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "DISCONTINUED", mode = EnumSource.Mode.EXCLUDE)
    void aReferralThatHasNotEndedCanBeWithdrawnAndSaysWhatItWas(ReferralStatus status) {
        Referral.Withdrawn withdrawn = in(status).withdraw("moved away", "ivy", NOW);

        assertThat(withdrawn.was()).isEqualTo(status);
        assertThat(withdrawn.reason()).isEqualTo("moved away");
        assertThat(withdrawn.actor()).isEqualTo("ivy");
        assertThat(withdrawn.at()).isEqualTo(NOW);
    }

    @Test
    void aDiscontinuedReferralCannotBeWithdrawn() {
        assertThatThrownBy(() -> in(ReferralStatus.DISCONTINUED).withdraw("again", "ivy", NOW))
                .isInstanceOf(Conflict.class).hasMessage("The referral is already discontinued");
    }

    @Test
    void aWithdrawnReferralCannotBeWithdrawnTwice() {
        Referral once = in(ReferralStatus.SCHEDULED);
        Referral withdrawn = new Referral(once.id(), once.patientId(), once.firstName(), once.lastName(),
                once.dateOfBirth(), once.email(), once.phone(), once.timeZone(), once.preferredChannel(),
                once.referrerName(), once.referrerNpi(), once.payerPolicy(), once.memberId(), once.diagnosisCode(),
                once.clinicalJson(), ReferralStatus.SCHEDULED, once.createdAt(), NOW, "moved away");

        assertThatThrownBy(() -> withdrawn.withdraw("again", "ivy", NOW))
                .isInstanceOf(Conflict.class).hasMessage("The referral was already withdrawn");
    }
}
