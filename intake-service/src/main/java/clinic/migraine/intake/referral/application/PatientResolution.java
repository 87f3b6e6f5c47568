package clinic.migraine.intake.referral.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.intake.referral.domain.FoldedName;
import clinic.migraine.intake.referral.domain.Patient;
import clinic.migraine.intake.referral.domain.Patients;
import clinic.migraine.intake.referral.domain.PossibleDuplicate;
import clinic.migraine.kit.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake staff decide a possible duplicate: one person (merge) or two (keep apart); audited by id only. */
@Service
public class PatientResolution {

    private static final Logger log = LoggerFactory.getLogger(PatientResolution.class);

    public static final String MERGED = "patients merged";
    public static final String KEPT_APART = "possible duplicate kept apart";
    public static final String RENAMED = "patient name corrected";

    private final Patients patients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralEvents events;

    PatientResolution(Patients patients, AuditTrail audit, Clock clock, ReferralEvents events) {
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** @return the surviving patient */
    @Transactional
    public UUID merge(UUID patientId, UUID otherId) {
        PossibleDuplicate duplicate = flag(patientId, otherId);
        PossibleDuplicate.Merged merged = duplicate.merge();
        patients.merge(merged);
        patients.resolve(duplicate, PossibleDuplicate.Status.MERGED, clock.instant());
        audit.record(MERGED, ReferralIntake.PATIENT, merged.mergedAway(), null,
                "merged into patient " + merged.survivor());
        audit.record(MERGED, ReferralIntake.PATIENT, merged.survivor(), null,
                "patient " + merged.mergedAway() + " merged in");
        log.info("Patient {} merged into {}", merged.mergedAway(), merged.survivor());
        return merged.survivor();
    }

    /**
     * Intake staff correct the patient's name: on the patient and every referral of theirs, and announced to the
     * other services (one {@code patient-updated} per referral). Audited by id; the name stays out of the entry.
     */
    @Transactional
    public void rename(UUID patientId, String firstName, String lastName) {
        Patient patient = patients.find(patientId).orElseThrow(() -> new NotFound("patient", patientId));
        List<UUID> referrals = patients.rename(patient.id(), firstName, lastName, FoldedName.of(lastName));
        referrals.forEach(referral -> events.renamed(referral, patient.id(), firstName, lastName, clock.instant()));
        audit.record(RENAMED, ReferralIntake.PATIENT, patient.id(), null,
                "name corrected on " + referrals.size() + " referral(s)");
    }

    @Transactional
    public void keepApart(UUID patientId, UUID otherId) {
        PossibleDuplicate duplicate = flag(patientId, otherId);
        PossibleDuplicate apart = duplicate.keepApart();
        patients.resolve(duplicate, apart.status(), clock.instant());
        audit.record(KEPT_APART, ReferralIntake.PATIENT, patientId, null, "kept apart from patient " + otherId);
        audit.record(KEPT_APART, ReferralIntake.PATIENT, otherId, null, "kept apart from patient " + patientId);
    }

    private PossibleDuplicate flag(UUID patientId, UUID otherId) {
        return patients.lockDuplicate(patientId, otherId)
                .orElseThrow(() -> new NotFound("possible duplicate", otherId));
    }
}
