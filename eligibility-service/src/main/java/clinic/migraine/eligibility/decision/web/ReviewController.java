package clinic.migraine.eligibility.decision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.decision.Eligibility;
import clinic.migraine.eligibility.decision.StoredApplicant;
import clinic.migraine.eligibility.decision.persistence.DecisionStore;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.kit.web.DomainProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The clinician review queue. */
@RestController
@RequestMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    private final Eligibility eligibility;
    private final DecisionStore store;
    private final JsonMapper json;

    ReviewController(Eligibility eligibility, DecisionStore store, JsonMapper json) {
        this.eligibility = eligibility;
        this.store = store;
        this.json = json;
    }

    record DecisionView(int cycle, String outcome, List<Eligibility.ReasonView> reasons, String policyId,
            String policyVersion, String decidedBy, String clinician, String note, Instant decidedAt) {
    }

    record ReviewView(UUID id, UUID referralId, int cycle, String status, List<Eligibility.ReasonView> openReasons,
            String policyId, String policyVersion, String authorizationNumber, LocalDate authorizationValidUntil,
            String outcome, String note, String clinician, Instant openedAt, Instant closedAt,
            StoredApplicant clinical, List<DecisionView> decisions) {
    }

    @GetMapping
    List<ReviewView> reviews(@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|CLOSED|WITHDRAWN") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return store.reviews(status, limit).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ReviewView review(@PathVariable UUID id) {
        return view(store.review(id, false).orElseThrow(() -> DomainProblem.notFound("review", id)));
    }

    record Authorization(@NotBlank @Size(max = 60) String authorizationNumber, @NotNull LocalDate validUntil,
            @Size(max = 100) String clinician) {
    }

    @PostMapping(path = "/{id}/authorization", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView authorize(@PathVariable UUID id, @Valid @RequestBody Authorization authorization) {
        return view(eligibility.authorize(id, authorization.authorizationNumber(), authorization.validUntil(),
                authorization.clinician()));
    }

    record ClinicianDecision(@NotNull EligibilityOutcome outcome, @NotBlank @Size(max = 2000) String note,
            @NotBlank @Size(max = 100) String clinician) {
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView decide(@PathVariable UUID id, @Valid @RequestBody ClinicianDecision decision) {
        if (decision.outcome() == EligibilityOutcome.NEEDS_REVIEW) {
            throw DomainProblem.unprocessable("A clinician decides ELIGIBLE or NOT_ELIGIBLE",
                    List.of(new clinic.migraine.kit.web.FieldError("outcome", "must be ELIGIBLE or NOT_ELIGIBLE")));
        }
        return view(eligibility.decide(id, decision.outcome(), decision.note(), decision.clinician()));
    }

    private ReviewView view(DecisionStore.Review r) {
        StoredApplicant clinical = store.findCaseReadOnly(r.referralId())
                .map(c -> json.readValue(c.applicantJson(), StoredApplicant.class)).orElse(null);
        List<DecisionView> decisions = store.decisions(r.referralId()).stream()
                .map(d -> new DecisionView(d.cycle(), d.outcome(), eligibility.reasons(d.reasonsJson()), d.policyId(),
                        d.policyVersion(), d.decidedBy(), d.clinician(), d.note(), d.decidedAt()))
                .toList();
        return new ReviewView(r.id(), r.referralId(), r.cycle(), r.status(), eligibility.reasons(r.openReasonsJson()),
                r.policyId(), r.policyVersion(), r.authorizationNumber(), r.authorizationValidUntil(), r.outcome(),
                r.note(), r.clinician(), r.openedAt(), r.closedAt(), clinical, decisions);
    }
}
