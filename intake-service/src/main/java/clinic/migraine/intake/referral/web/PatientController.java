package clinic.migraine.intake.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.intake.referral.application.PatientQueries;
import clinic.migraine.intake.referral.application.PatientResolution;
import clinic.migraine.intake.referral.domain.Patients;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One patient across referrals, for intake staff: search and the whole file. */
@RestController
@RequestMapping(path = "/api/patients", produces = MediaType.APPLICATION_JSON_VALUE)
class PatientController {

    static final int SEARCH_LIMIT = 50;

    private final PatientQueries queries;
    private final PatientResolution resolution;

    PatientController(PatientQueries queries, PatientResolution resolution) {
        this.queries = queries;
        this.resolution = resolution;
    }

    record Resolved(UUID patientId, String resolution) {
    }

    /** The newer of the two moves into the older; the answer names the survivor. */
    @PostMapping("/{id}/duplicates/{otherId}/merge")
    Resolved merge(@PathVariable UUID id, @PathVariable UUID otherId) {
        return new Resolved(resolution.merge(id, otherId), "MERGED");
    }

    /** The corrected name; the other services take it from {@code patient-updated}. */
    record Name(@NotBlank @Pattern(regexp = ReferralRequest.PRINTABLE_NAME, message = "must be 1 to 100 printable characters") String firstName,
            @NotBlank @Pattern(regexp = ReferralRequest.PRINTABLE_NAME, message = "must be 1 to 100 printable characters") String lastName) {
    }

    @PostMapping(path = "/{id}/name", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatientFileView rename(@PathVariable UUID id, @Valid @RequestBody Name name) {
        resolution.rename(id, name.firstName().strip(), name.lastName().strip());
        return patient(id);
    }

    @PostMapping("/{id}/duplicates/{otherId}/keep-apart")
    Resolved keepApart(@PathVariable UUID id, @PathVariable UUID otherId) {
        resolution.keepApart(id, otherId);
        return new Resolved(id, "KEPT_APART");
    }

    /** By name (part), date of birth (ISO, e.g. 1984-03-09) or payer member id. */
    @GetMapping
    List<Patients.PatientSummary> search(@RequestParam @NotBlank @Size(max = 100) String q) {
        return queries.search(q, SEARCH_LIMIT);
    }

    record Facts(UUID id, String firstName, String lastName, LocalDate dateOfBirth, List<UUID> openDuplicatesOf) {
    }

    record ReferralEntry(UUID id, ReferralStatus status, Instant submitted, Integer baselineHeadacheDays) {
    }

    record DecisionEntry(UUID referralId, int cycle, String outcome, List<String> reasons, Instant decidedAt) {
    }

    record AppointmentEntry(UUID referralId, UUID id, int cycle, OffsetDateTime start, String status) {
    }

    record AuthorizationEntry(UUID referralId, int cycle, String number, LocalDate validFrom, LocalDate validUntil,
            int treatmentsAuthorized, int treatmentsUsed) {
    }

    record DiaryEntry(UUID referralId, int cycle, Instant reportedAt, int headacheDays) {
    }

    record PatientFileView(Facts patient, List<ReferralEntry> referrals, List<DecisionEntry> decisions,
            List<AppointmentEntry> appointments, List<PatientQueries.Treatment> treatments,
            List<AuthorizationEntry> authorizations, List<DiaryEntry> diaryReports,
            Double continuationHeadacheDays) {
    }

    @GetMapping("/{id}")
    PatientFileView patient(@PathVariable UUID id) {
        PatientQueries.PatientFile file = queries.file(id).orElseThrow(() -> new NotFound("patient", id));
        var p = file.patient();
        return new PatientFileView(
                new Facts(p.id(), p.firstName(), p.lastName(), p.dateOfBirth(), file.openDuplicates()),
                file.referrals().stream().map(r -> new ReferralEntry(r.id(), r.status(), r.createdAt(),
                        file.baselines().stream().filter(b -> b.referralId().equals(r.id())).findFirst()
                                .map(PatientQueries.Baseline::headacheDaysPerMonth).orElse(null))).toList(),
                file.decisions().stream().map(d -> new DecisionEntry(d.referralId(), d.line().cycle(),
                        d.line().outcome().name(), d.line().reasons().stream().map(r -> r.code()).toList(),
                        d.line().occurredAt())).toList(),
                file.visits().stream().map(v -> new AppointmentEntry(v.referralId(), v.line().id(),
                        v.line().cycle(), v.line().start(), v.line().status().name())).toList(),
                file.treatments(),
                file.payerTerms().stream().filter(t -> t.authorization() != null)
                        .map(t -> new AuthorizationEntry(t.referralId(), t.cycle(), t.authorization().number(),
                                t.authorization().validFrom(), t.authorization().validUntil(),
                                t.authorization().treatmentsAuthorized(), t.authorization().treatmentsUsed()))
                        .toList(),
                file.diary().stream().map(d -> new DiaryEntry(d.referralId(), d.cycle(), d.at(), d.headacheDays()))
                        .toList(),
                file.continuationHeadacheDays());
    }
}
