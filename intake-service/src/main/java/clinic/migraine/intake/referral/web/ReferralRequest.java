package clinic.migraine.intake.referral.web;

import java.time.LocalDate;
import java.util.List;

import clinic.migraine.intake.referral.domain.ContactChannel;
import clinic.migraine.intake.referral.domain.Contraindication;
import clinic.migraine.intake.referral.domain.DrugClass;
import clinic.migraine.intake.referral.domain.MedicationOveruse;
import clinic.migraine.intake.referral.domain.ReferralDraft;
import clinic.migraine.intake.referral.domain.TrialResult;
import clinic.migraine.kit.icd10.DiagnosisCode;
import clinic.migraine.kit.phone.PhoneNumber;
import clinic.migraine.kit.phone.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/referrals}. Every rule names its field when it fails. */
public record ReferralRequest(
        @NotNull @Valid Patient patient,
        @NotNull @Valid Referrer referrer,
        @NotNull @Valid Payer payer,
        @NotNull @DiagnosisCode String diagnosisCode,
        @NotNull @Valid Clinical clinical,
        @Size(max = 50) List<@NotNull @Valid OutsideTreatmentRequest> outsideTreatments) {

    /** The same referral as the domain takes it, once validated: the phone in E.164; absent lists stay absent. */
    ReferralDraft toDraft(PhoneNumbers phones) {
        return new ReferralDraft(
                new ReferralDraft.PatientDetails(patient.firstName(), patient.lastName(), patient.dateOfBirth(),
                        patient.email(), phones.toE164(patient.phone()), patient.timeZone(),
                        patient.preferredChannel()),
                new ReferralDraft.ReferringPractice(referrer.name(), referrer.npi()),
                new ReferralDraft.Coverage(payer.policy(), payer.memberId()), diagnosisCode,
                new ReferralDraft.ClinicalFacts(clinical.headacheDaysPerMonth(), clinical.migraineDaysPerMonth(),
                        clinical.chronicMigraineMonths(), clinical.preventiveTrials() == null ? null
                                : clinical.preventiveTrials().stream().map(t -> new ReferralDraft.Trial(t.drug(),
                                        t.drugClass(), t.days(), t.result())).toList(),
                        clinical.medicationOveruse(), clinical.onCgrpAntibody(), clinical.contraindications()),
                outsideTreatments == null ? null : outsideTreatments.stream()
                        .map(t -> new ReferralDraft.OutsideTreatment(t.date(), t.units(), t.clinic())).toList());
    }

    static final String PRINTABLE_NAME = "[^\\p{Cntrl}]{1,100}";

    /** An injection given elsewhere before this referral. */
    public record OutsideTreatmentRequest(
            @NotNull @PastOrPresent LocalDate date,
            @NotNull @Min(1) @Max(400) Integer units,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be printable characters") String clinic) {
    }

    @ContactMatchesChannel
    public record Patient(
            @NotBlank @Pattern(regexp = PRINTABLE_NAME, message = "must be 1 to 100 printable characters") String firstName,
            @NotBlank @Pattern(regexp = PRINTABLE_NAME, message = "must be 1 to 100 printable characters") String lastName,
            @NotNull @Past @BornSince1900 LocalDate dateOfBirth,
            @Email @Size(max = 254) @EmailLocalPartLength String email,
            @PhoneNumber String phone,
            @NotNull @IanaTimeZone String timeZone,
            @NotNull ContactChannel preferredChannel) {
    }

    public record Referrer(
            @NotBlank @Pattern(regexp = PRINTABLE_NAME, message = "must be 1 to 100 printable characters") String name,
            @NotNull @Npi String npi) {
    }

    public record Payer(
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lower-case letters, digits or dashes") String policy,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String memberId) {
    }

    @MigraineDaysWithinHeadacheDays
    public record Clinical(
            @NotNull @Min(0) @Max(31) Integer headacheDaysPerMonth,
            @Min(0) @Max(31) Integer migraineDaysPerMonth,
            @Min(0) @Max(1200) Integer chronicMigraineMonths,
            @Size(max = 50) List<@NotNull @Valid PreventiveTrial> preventiveTrials,
            @NotNull MedicationOveruse medicationOveruse,
            @NotNull Boolean onCgrpAntibody,
            @Size(max = 10) List<@NotNull Contraindication> contraindications) {

        public List<PreventiveTrial> trials() {
            return preventiveTrials == null ? List.of() : preventiveTrials;
        }

        public List<Contraindication> contraindicationList() {
            return contraindications == null ? List.of() : contraindications;
        }
    }

    public record PreventiveTrial(
            @NotBlank @Size(max = 100) String drug,
            @NotNull DrugClass drugClass,
            @Min(0) @Max(36500) Integer days,
            @NotNull TrialResult result) {
    }
}
