package clinic.migraine.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PatientMatchTest {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 9);
    private static final UUID KNOWN = UUID.randomUUID();
    private static final Patient ANA = new Patient(KNOWN, "Ana", "López-García", BORN, Set.of("XJ-99812"),
            Set.of("ana@example.org"), Set.of("13105550100"));

    private static ReferralDraft referral(String lastName, LocalDate born, String memberId, String email, String phone) {
        return new ReferralDraft(
                new ReferralDraft.PatientDetails("Ana", lastName, born, email, phone, "America/Los_Angeles",
                        ContactChannel.EMAIL),
                new ReferralDraft.ReferringPractice("Dr Kim", "1234567893"),
                new ReferralDraft.Coverage("label", memberId), "G43.709",
                new ReferralDraft.ClinicalFacts(18, 10, 9, null, MedicationOveruse.NONE, false, null), null);
    }

    @Test
    void sameBirthFoldedNameAndMemberIdIsTheSamePatient() {
        PatientMatch match = PatientMatch.of(List.of(ANA),
                referral("lopez garcia", BORN, "xj-99812", "other@example.org", null));

        assertThat(match.isNew()).isFalse();
        assertThat(match.existingPatientId()).isEqualTo(KNOWN);
    }

    @Test
    void anEmailInAnotherCaseIsEnough() {
        assertThat(PatientMatch.of(List.of(ANA), referral("LOPEZ-GARCIA", BORN, "NEW-1", "Ana@Example.ORG", null))
                .existingPatientId()).isEqualTo(KNOWN);
    }

    @Test
    void phonesAreComparedByTheirDigits() {
        assertThat(PatientMatch.of(List.of(ANA), referral("López García", BORN, "NEW-1", null, "+1 (310) 555-0100"))
                .existingPatientId()).isEqualTo(KNOWN);
        assertThat(PatientMatch.of(List.of(ANA), referral("López García", BORN, "NEW-1", null, "+13105550101"))
                .isNew()).isTrue();
    }

    @Test
    void sameNameAndBirthWithNothingElseInCommonIsANewPatientFlaggedAsPossibleDuplicate() {
        PatientMatch match = PatientMatch.of(List.of(ANA),
                referral("Lopez-Garcia", BORN, "NEW-1", "someone@example.org", "+13105550199"));

        assertThat(match.isNew()).isTrue();
        assertThat(match.possibleDuplicatesOf()).containsExactly(KNOWN);
    }

    @Test
    void anotherBirthDateOrLastNameIsSomeoneElseEvenWithTheSameMemberId() {
        PatientMatch otherDay = PatientMatch.of(List.of(ANA),
                referral("Lopez-Garcia", BORN.plusDays(1), "XJ-99812", "ana@example.org", "+13105550100"));
        PatientMatch otherName = PatientMatch.of(List.of(ANA),
                referral("Lopez", BORN, "XJ-99812", "ana@example.org", "+13105550100"));

        assertThat(otherDay.isNew()).isTrue();
        assertThat(otherDay.possibleDuplicatesOf()).isEmpty();
        assertThat(otherName.isNew()).isTrue();
        assertThat(otherName.possibleDuplicatesOf()).isEmpty();
    }

    @Test
    void absentContactsNeverMatchAbsentContacts() {
        Patient noContacts = new Patient(KNOWN, "Ana", "Lopez", BORN, Set.of("M-1"), Set.of(), Set.of());

        PatientMatch match = PatientMatch.of(List.of(noContacts), referral("Lopez", BORN, "M-2", null, null));

        assertThat(match.isNew()).isTrue();
        assertThat(match.possibleDuplicatesOf()).containsExactly(KNOWN);
    }

    @Test
    void theOldestMatchingPatientWins() {
        UUID younger = UUID.randomUUID();
        Patient later = new Patient(younger, "Ana", "Lopez-Garcia", BORN, Set.of("XJ-99812"), Set.of(), Set.of());

        assertThat(PatientMatch.of(List.of(ANA, later), referral("Lopez Garcia", BORN, "XJ-99812", null, null))
                .existingPatientId()).isEqualTo(KNOWN);
    }
}
