package clinic.migraine.intake.referral.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where referrals are kept. */
public interface Referrals {

    void add(Referral referral);

    Optional<Referral> find(UUID id);

    /** The referral, locked until the transaction ends. */
    Optional<Referral> lock(UUID id);

    /** Newest first; {@code query} matches names and member id, either may be null. */
    List<Referral> search(ReferralStatus status, String query, int page, int size);

    long count(ReferralStatus status, String query);

    void addOutsideTreatments(UUID referralId, List<ReferralDraft.OutsideTreatment> treatments);

    /** As the referral gave them, oldest first. */
    List<ReferralDraft.OutsideTreatment> outsideTreatments(UUID referralId);

    /** The patient's referrals, oldest first. */
    List<Referral> ofPatient(UUID patientId);

    void markWithdrawn(Referral.Withdrawn withdrawn);

    void updateStatus(UUID id, ReferralStatus status);
}
