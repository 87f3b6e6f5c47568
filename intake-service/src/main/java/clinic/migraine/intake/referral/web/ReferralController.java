package clinic.migraine.intake.referral.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.intake.referral.application.ReferralIntake;
import clinic.migraine.intake.referral.application.ReferralQueries;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.kit.phone.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The referral API intake staff use: submit, follow, search, withdraw. */
@RestController
@RequestMapping(path = "/api/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralController {

    private final ReferralIntake intake;
    private final ReferralQueries queries;
    private final ReferralDetails details;
    private final JsonMapper json;
    private final PhoneNumbers phones;

    ReferralController(ReferralIntake intake, ReferralQueries queries, ReferralDetails details, JsonMapper json,
            PhoneNumbers phones) {
        this.intake = intake;
        this.phones = phones;
        this.queries = queries;
        this.details = details;
        this.json = json;
    }

    record Created(UUID id, ReferralStatus status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> submit(@Valid @RequestBody ReferralRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey) {
        ReferralIntake.Accepted accepted = intake.submit(request.toDraft(phones), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/referrals/" + accepted.id()))
                .body(new Created(accepted.id(), accepted.status()));
    }

    record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    Created withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal) {
        intake.withdraw(id, withdrawal.reason());
        return new Created(id, ReferralStatus.DISCONTINUED);
    }

    /** {@code id}: the patient across referrals, {@code GET /api/patients/{id}}. */
    record PatientView(UUID id, String firstName, String lastName, LocalDate dateOfBirth, String email, String phone,
            String timeZone, String preferredChannel) {
    }

    record ReferrerView(String name, String npi) {
    }

    record PayerView(String policy, String memberId) {
    }

    record ReferralView(UUID id, ReferralStatus status, Instant receivedAt, PatientView patient, ReferrerView referrer,
            PayerView payer, String diagnosisCode, JsonNode clinical, ReferralDetails.Eligibility eligibility,
            ReferralDetails.AppointmentView appointment, List<ReferralDetails.TimelineEntry> timeline) {
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ReferralView referral(@PathVariable UUID id) {
        Referral r = details.referral(id).orElseThrow(() -> new NotFound("referral", id));
        return new ReferralView(r.id(), r.status(), r.createdAt(),
                new PatientView(r.patientId(), r.firstName(), r.lastName(), r.dateOfBirth(), r.email(), r.phone(), r.timeZone(),
                        r.preferredChannel().name()),
                new ReferrerView(r.referrerName(), r.referrerNpi()), new PayerView(r.payerPolicy(), r.memberId()),
                r.diagnosisCode(), json.readTree(r.clinicalJson()), details.eligibility(id),
                details.nextAppointment(id), details.timeline(id));
    }

    record Summary(UUID id, ReferralStatus status, String firstName, String lastName, String payerPolicy,
            String memberId, Instant receivedAt) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page search(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Summary> items = queries.search(status, q, page, size).stream()
                .map(r -> new Summary(r.id(), r.status(), r.firstName(), r.lastName(), r.payerPolicy(), r.memberId(),
                        r.createdAt()))
                .toList();
        return new Page(items, page, size, queries.count(status, q));
    }
}
