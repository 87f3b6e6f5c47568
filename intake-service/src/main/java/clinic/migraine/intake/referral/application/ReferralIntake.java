package clinic.migraine.intake.referral.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.intake.referral.domain.FoldedName;
import clinic.migraine.intake.referral.domain.IdempotencyKeys;
import clinic.migraine.intake.referral.domain.Patient;
import clinic.migraine.intake.referral.domain.PatientMatch;
import clinic.migraine.intake.referral.domain.Patients;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralDraft;
import clinic.migraine.intake.referral.domain.ReferralReceived;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.intake.referral.domain.ReferralTimeline;
import clinic.migraine.intake.referral.domain.Referrals;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts referrals and withdrawals: stores them and, in the same transaction, their events in the outbox and who
 * did it in the audit trail.
 */
@Service
public class ReferralIntake {

    private static final Logger log = LoggerFactory.getLogger(ReferralIntake.class);

    /** How the audit trail names a referral and what was done to it. */
    public static final String SUBJECT = "referral";
    public static final String SUBMITTED = "referral submitted";
    public static final String WITHDRAWN = "referral withdrawn";
    public static final String PATIENT = "patient";
    public static final String DUPLICATE_FLAGGED = "possible duplicate flagged";

    private final Referrals referrals;
    private final Patients patients;
    private final IdempotencyKeys keys;
    private final ReferralTimeline timeline;
    private final ReferralEvents events;
    private final Clock clock;
    private final JsonMapper json;
    private final AuditTrail audit;

    ReferralIntake(Referrals referrals, Patients patients, IdempotencyKeys keys, ReferralTimeline timeline, ReferralEvents events,
            Clock clock, JsonMapper json, AuditTrail audit) {
        this.referrals = referrals;
        this.patients = patients;
        this.keys = keys;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.audit = audit;
    }

    /** {@code status}: RECEIVED for a new referral; where the first one stands now for a repeated key. */
    public record Accepted(UUID id, boolean created, ReferralStatus status) {
    }

    /**
     * Stores the referral and publishes ReferralSubmitted. With an idempotency key, the same key and body answer
     * the first referral again; the same key with another body is refused.
     */
    @Transactional
    public Accepted submit(ReferralDraft draft, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            String hash = hash(json.writeValueAsString(draft));
            // a concurrent request with the same key blocks here until the other one commits, then replays it
            if (!keys.claim(idempotencyKey, hash, id)) {
                IdempotencyKeys.Claim earlier = keys.find(idempotencyKey).orElseThrow();
                if (!earlier.requestHash().equals(hash)) {
                    throw new RuleBroken("This Idempotency-Key was used with a different request body");
                }
                return new Accepted(earlier.referralId(), false,
                        referrals.find(earlier.referralId()).orElseThrow().status());
            }
        }
        Instant now = clock.instant();
        UUID patientId = identify(draft, now);
        Referral referral = Referral.receive(id, patientId, draft, json.writeValueAsString(draft.clinical()),
                now);
        referrals.add(referral);
        referrals.addOutsideTreatments(id, draft.outsideTreatmentList());
        timeline.record(new ProgressReport(UUID.randomUUID(), id, now, "ReferralReceived",
                "Referral received for payer policy " + draft.payer().policy(), null, null, List.of(), null, null));
        events.received(new ReferralReceived(id, referral.patientId(), now, draft));
        audit.record(SUBMITTED, SUBJECT, id, id, "payer policy " + draft.payer().policy());
        log.info("Referral {} received", id);
        return new Accepted(id, true, ReferralStatus.RECEIVED);
    }

    /**
     * The patient this referral is about, created when new; a new patient who may be someone known is flagged for
     * staff. Submissions for the same date of birth and last name take turns, so one new patient is created once.
     */
    private UUID identify(ReferralDraft draft, Instant now) {
        ReferralDraft.PatientDetails p = draft.patient();
        FoldedName lastName = FoldedName.of(p.lastName());
        patients.lockIdentity(p.dateOfBirth(), lastName);
        PatientMatch match = PatientMatch.of(patients.withNameAndBirth(p.dateOfBirth(), lastName), draft);
        if (!match.isNew()) {
            return match.existingPatientId();
        }
        UUID patientId = UUID.randomUUID();
        patients.add(new Patient(patientId, p.firstName(), p.lastName(), p.dateOfBirth(), Set.of(), Set.of(),
                Set.of()), now);
        for (UUID similar : match.possibleDuplicatesOf()) {
            patients.flagPossibleDuplicate(patientId, similar, now);
            audit.record(DUPLICATE_FLAGGED, PATIENT, patientId, null, "possible duplicate of patient " + similar);
        }
        return patientId;
    }

    @Transactional
    public void withdraw(UUID id, String reason) {
        Referral referral = referrals.lock(id).orElseThrow(() -> new NotFound("referral", id));
        Referral.Withdrawn withdrawn = referral.withdraw(reason, Actors.currentOrNull(), clock.instant());
        referrals.markWithdrawn(withdrawn);
        UUID eventId = events.withdrawn(withdrawn);
        // the actor stays off intake's own timeline lines: the audit trail names who did them
        timeline.record(new ProgressReport(eventId, id, withdrawn.at(), "ReferralWithdrawn", "Withdrawn: " + reason,
                null, null, List.of(), null, null));
        referrals.updateStatus(id, ReferralStatus.DISCONTINUED);
        // the reason is free text and may name the patient, so the audit entry keeps only the status it ended
        audit.record(WITHDRAWN, SUBJECT, id, id, "was " + withdrawn.was());
        log.info("Referral {} withdrawn", id);
    }

    private static String hash(String canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalBody.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
