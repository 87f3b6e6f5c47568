package clinic.migraine.eligibility.decision.web;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import clinic.migraine.eligibility.decision.application.Eligibility;
import clinic.migraine.eligibility.decision.web.ReviewViews.ReasonView;
import clinic.migraine.eligibility.policy.domain.Applicant;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Coverage;
import clinic.migraine.eligibility.policy.domain.Contraindication;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.DrugClass;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.PolicyEngine;
import clinic.migraine.eligibility.policy.domain.TrialResult;
import clinic.migraine.kit.icd10.DiagnosisCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What-if evaluations: the same JSON as a referral (only date of birth, payer, diagnosis and clinical data are
 * needed), optionally with treatment history and an evaluation date. Stores nothing.
 */
@RestController
class WhatIfController {

    private final Policies policies;
    private final Eligibility eligibility;

    WhatIfController(Policies policies, Eligibility eligibility) {
        this.policies = policies;
        this.eligibility = eligibility;
    }

    record Patient(String firstName, String lastName, @NotNull @Past LocalDate dateOfBirth, String email, String phone,
            String timeZone, String preferredChannel) {
    }

    record Payer(@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}") String policy, String memberId) {
    }

    record TrialRequest(@NotBlank @Size(max = 100) String drug, @NotNull DrugClass drugClass, @Min(0) Integer days,
            @NotNull TrialResult result) {
    }

    record Clinical(@NotNull @Min(0) @Max(31) Integer headacheDaysPerMonth, @Min(0) @Max(31) Integer migraineDaysPerMonth,
            @Min(0) Integer chronicMigraineMonths, @Size(max = 50) List<@NotNull @Valid TrialRequest> preventiveTrials,
            @NotNull MedicationOveruse medicationOveruse, @NotNull Boolean onCgrpAntibody,
            @Size(max = 10) List<@NotNull Contraindication> contraindications) {
    }

    /**
     * @param monthlyHeadacheDays the monthly reports since the last treatment, oldest first (the last is the one
     *        the continuation test reads; the episodic rule reads the last months)
     */
    record HistoryRequest(@NotNull @Min(0) @Max(100) Integer completedCycles,
            @Min(0) @Max(31) Integer baselineHeadacheDaysPerMonth, @Min(0) @Max(31) Integer latestHeadacheDaysPerMonth,
            @Size(max = 60) List<@NotNull @Min(0) @Max(31) Integer> monthlyHeadacheDays) {
    }

    /** The payer's prior authorization to judge the cycle with. */
    record AuthorizationRequest(@NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
            @NotNull @Min(1) @Max(20) Integer treatmentsAuthorized, @NotNull @Min(0) @Max(20) Integer treatmentsUsed) {
    }

    record Evaluation(@NotNull @Valid Patient patient, JsonNode referrer, @NotNull @Valid Payer payer,
            @NotNull @DiagnosisCode String diagnosisCode,
            @NotNull @Valid Clinical clinical, @Valid HistoryRequest treatmentHistory,
            @Valid AuthorizationRequest authorization, LocalDate asOf) {
    }

    record Answer(String outcome, List<ReasonView> reasons, String policy, String policyVersion) {
    }

    /** The monthly reports as given; only the latest when that is all the request has. */
    private static Applicant.TreatmentHistory history(HistoryRequest h, Clinical c) {
        int baseline = h.baselineHeadacheDaysPerMonth() == null ? c.headacheDaysPerMonth()
                : h.baselineHeadacheDaysPerMonth();
        if (h.monthlyHeadacheDays() == null || h.monthlyHeadacheDays().isEmpty()) {
            return new Applicant.TreatmentHistory(h.completedCycles(), baseline, h.latestHeadacheDaysPerMonth());
        }
        return new Applicant.TreatmentHistory(h.completedCycles(), baseline, h.monthlyHeadacheDays(),
                h.monthlyHeadacheDays());
    }

    @PostMapping(path = "/api/eligibility/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Answer evaluate(@Valid @RequestBody Evaluation request) {
        Clinical c = request.clinical();
        HistoryRequest h = request.treatmentHistory();
        Applicant.TreatmentHistory history = h == null ? Applicant.TreatmentHistory.NONE : history(h, c);
        Applicant applicant = new Applicant(request.patient().dateOfBirth(), request.diagnosisCode(),
                c.headacheDaysPerMonth(), c.migraineDaysPerMonth(), c.chronicMigraineMonths(),
                c.preventiveTrials() == null ? List.of() : c.preventiveTrials().stream()
                        .map(t -> new Applicant.Trial(t.drug(), t.drugClass(), t.days(), t.result())).toList(),
                c.medicationOveruse(), c.onCgrpAntibody(),
                new HashSet<>(c.contraindications() == null ? List.of() : c.contraindications()), history);
        int cycle = history.completedCycles() + 1;
        LocalDate asOf = request.asOf() == null ? eligibility.today() : request.asOf();
        AuthorizationRequest a = request.authorization();
        Coverage coverage = new Coverage(a == null ? null : new Authorization("what-if", a.validFrom(),
                a.validUntil(), a.treatmentsAuthorized(), a.treatmentsUsed()), asOf);
        Decision decision = PolicyEngine.decide(policies.find(request.payer().policy()).orElse(null),
                request.payer().policy(), applicant, cycle, asOf, policies.label(), coverage, policies.drugs());
        return new Answer(decision.outcome().name(), ReasonView.of(decision.reasons()), decision.policyId(),
                decision.policyVersion());
    }
}
