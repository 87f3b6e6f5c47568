package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.migraine.domain.Conflict;

/**
 * A referral as intake keeps it: who the patient is, who sent them, the payer, the diagnosis and the clinical
 * history as sent ({@code clinicalJson}), and where it stands.
 */
public record Referral(UUID id, UUID patientId, String firstName, String lastName, LocalDate dateOfBirth,
        String email, String phone, String timeZone, ContactChannel preferredChannel, String referrerName,
        String referrerNpi, String payerPolicy, String memberId, String diagnosisCode, String clinicalJson,
        ReferralStatus status, Instant createdAt, Instant withdrawnAt, String withdrawalReason) {

    /** The referral was withdrawn; {@code was} is the status it ended. */
    public record Withdrawn(UUID referralId, String reason, String actor, Instant at, ReferralStatus was) {
    }

    /** A new referral, RECEIVED. */
    public static Referral receive(UUID id, UUID patientId, ReferralDraft draft, String clinicalJson, Instant now) {
        ReferralDraft.PatientDetails p = draft.patient();
        return new Referral(id, patientId, p.firstName(), p.lastName(), p.dateOfBirth(), p.email(), p.phone(),
                p.timeZone(), p.preferredChannel(), draft.referrer().name(), draft.referrer().npi(),
                draft.payer().policy(), draft.payer().memberId(), draft.diagnosisCode(), clinicalJson,
                ReferralStatus.RECEIVED, now, null, null);
    }

    /**
     * Staff withdraw the referral: downstream services stop (no booking, no reminders) and it ends DISCONTINUED.
     *
     * @throws Conflict when it was withdrawn already or has ended (DISCONTINUED)
     */
    public Withdrawn withdraw(String reason, String actor, Instant now) {
        if (withdrawnAt != null) {
            throw new Conflict("The referral was already withdrawn");
        }
        if (status == ReferralStatus.DISCONTINUED) {
            throw new Conflict("The referral is already discontinued");
        }
        return new Withdrawn(id, reason, actor, now, status);
    }
}
