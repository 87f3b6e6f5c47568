package clinic.migraine.intake.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.Payer;
import clinic.migraine.events.PreventiveTrial;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.intake.referral.persistence.ReferralStore;
import clinic.migraine.intake.referral.web.ReferralRequest;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.web.DomainProblem;
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

    private final ReferralStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final JsonMapper json;
    private final AuditTrail audit;

    public ReferralIntake(ReferralStore store, Outbox outbox, Clock clock, JsonMapper json, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.audit = audit;
    }

    public record Accepted(UUID id, boolean created) {
    }

    /**
     * Stores the referral and publishes ReferralSubmitted. With an idempotency key, the same key and body answer
     * the first referral again; the same key with another body is refused.
     */
    @Transactional
    public Accepted submit(ReferralRequest request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            String hash = hash(json.writeValueAsString(request));
            // a concurrent request with the same key blocks here until the other one commits, then replays it
            if (!store.claimIdempotencyKey(idempotencyKey, hash, id)) {
                ReferralStore.IdempotentAnswer earlier = store.idempotencyKey(idempotencyKey).orElseThrow();
                if (!earlier.requestHash().equals(hash)) {
                    throw DomainProblem.unprocessable("This Idempotency-Key was used with a different request body",
                            List.of());
                }
                return new Accepted(earlier.referralId(), false);
            }
        }
        insert(id, request, json.writeValueAsString(request.clinical()));
        outbox.publish(submitted(id, request));
        audit.record(SUBMITTED, SUBJECT, id, id, "payer policy " + request.payer().policy());
        log.info("Referral {} received", id);
        return new Accepted(id, true);
    }

    @Transactional
    public void withdraw(UUID id, String reason) {
        ReferralStore.StoredReferral referral = store.findForUpdate(id)
                .orElseThrow(() -> DomainProblem.notFound("referral", id));
        if (referral.withdrawnAt() != null) {
            throw DomainProblem.conflict("The referral was already withdrawn");
        }
        if (referral.status() == ReferralStatus.DISCONTINUED) {
            throw DomainProblem.conflict("The referral is already discontinued");
        }
        Instant now = clock.instant();
        store.markWithdrawn(id, reason, now);
        ReferralWithdrawn event = ReferralWithdrawn.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setReferralId(id).setReason(reason).setActor(Actors.currentOrNull()).build();
        // the actor stays off intake's own timeline lines: the audit trail names who did them
        store.recordEvent(new ReferralStore.RecordedEvent(event.getEventId(), id, now, "ReferralWithdrawn",
                "Withdrawn: " + reason, null, null, null, null));
        store.updateStatus(id, ReferralStatus.DISCONTINUED);
        outbox.publish(event);
        // the reason is free text and may name the patient, so the audit entry keeps only the status it ended
        audit.record(WITHDRAWN, SUBJECT, id, id, "was " + referral.status());
        log.info("Referral {} withdrawn", id);
    }

    private void insert(UUID id, ReferralRequest request, String clinicalJson) {
        var patient = request.patient();
        Instant now = clock.instant();
        store.insert(new ReferralStore.NewReferral(id, UUID.randomUUID(), patient.firstName(), patient.lastName(),
                patient.dateOfBirth(), patient.email(), patient.phone(), patient.timeZone(),
                patient.preferredChannel().name(), request.referrer().name(), request.referrer().npi(),
                request.payer().policy(), request.payer().memberId(), request.diagnosisCode(), clinicalJson, now));
        store.recordEvent(new ReferralStore.RecordedEvent(UUID.randomUUID(), id, now, "ReferralReceived",
                "Referral received for payer policy " + request.payer().policy(), null, null, null, null));
    }

    private ReferralSubmitted submitted(UUID id, ReferralRequest request) {
        var patient = request.patient();
        var clinical = request.clinical();
        ReferralStore.StoredReferral stored = store.find(id).orElseThrow();
        return ReferralSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(stored.createdAt())
                .setReferralId(id)
                .setPatientId(stored.patientId())
                .setDateOfBirth(patient.dateOfBirth())
                .setContact(ReferralContact.newBuilder().setEmail(patient.email()).setPhone(patient.phone())
                        .setTimeZone(patient.timeZone()).setPreferredChannel(patient.preferredChannel()).build())
                .setPayer(Payer.newBuilder().setPolicy(request.payer().policy()).setMemberId(request.payer().memberId())
                        .build())
                .setDiagnosisCode(request.diagnosisCode())
                .setClinical(ClinicalHistory.newBuilder()
                        .setHeadacheDaysPerMonth(clinical.headacheDaysPerMonth())
                        .setMigraineDaysPerMonth(clinical.migraineDaysPerMonth())
                        .setChronicMigraineMonths(clinical.chronicMigraineMonths())
                        .setPreventiveTrials(clinical.trials().stream().map(t -> PreventiveTrial.newBuilder()
                                .setDrug(t.drug()).setDrugClass(t.drugClass()).setDays(t.days()).setResult(t.result())
                                .build()).toList())
                        .setMedicationOveruse(clinical.medicationOveruse())
                        .setOnCgrpAntibody(clinical.onCgrpAntibody())
                        .setContraindications(clinical.contraindicationList())
                        .build())
                .build();
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
