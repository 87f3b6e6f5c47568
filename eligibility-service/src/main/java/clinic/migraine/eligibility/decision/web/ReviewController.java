package clinic.migraine.eligibility.decision.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;
import clinic.migraine.eligibility.decision.application.Eligibility;
import clinic.migraine.eligibility.decision.application.ReviewQueries;
import clinic.migraine.eligibility.decision.domain.ReviewStatus;
import clinic.migraine.eligibility.decision.web.ReviewViews.ReviewView;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.kit.security.Actors;
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

/**
 * The clinician review queue. Whoever records an authorization or decides is the signed-in account: the
 * {@code clinician} field older clients send is still accepted (unknown fields are refused) but not believed,
 * since anyone could type any name there.
 */
@RestController
@RequestMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    private final Eligibility eligibility;
    private final ReviewQueries queries;
    private final ReviewViews views;

    ReviewController(Eligibility eligibility, ReviewQueries queries, ReviewViews views) {
        this.eligibility = eligibility;
        this.queries = queries;
        this.views = views;
    }

    @GetMapping
    List<ReviewView> reviews(@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|CLOSED|WITHDRAWN") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return queries.withStatus(ReviewStatus.valueOf(status), limit).stream().map(views::view).toList();
    }

    @GetMapping("/{id}")
    ReviewView review(@PathVariable UUID id) {
        return views.find(id);
    }

    /**
     * The payer's prior authorization: its number, dates (both days valid) and the treatments it approves.
     *
     * @param clinician ignored: the signed-in account is recorded
     */
    record Authorization(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*") String authorizationNumber,
            @NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
            @NotNull @Min(1) @Max(20) Integer treatmentsAuthorized, @Size(max = 100) String clinician) {
    }

    @PostMapping(path = "/{id}/authorization", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView authorize(@PathVariable UUID id, @Valid @RequestBody Authorization authorization) {
        return views.view(eligibility.authorize(id, new Eligibility.AuthorizationGiven(
                authorization.authorizationNumber().strip(), authorization.validFrom(), authorization.validUntil(),
                authorization.treatmentsAuthorized()), Actors.current()));
    }

    /** @param clinician ignored: the signed-in account is recorded */
    record ClinicianDecision(@NotNull EligibilityOutcome outcome, @NotBlank @Size(max = 2000) String note,
            @Size(max = 100) String clinician) {
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView decide(@PathVariable UUID id, @Valid @RequestBody ClinicianDecision decision) {
        if (decision.outcome() == EligibilityOutcome.NEEDS_REVIEW) {
            throw new RuleBroken("A clinician decides ELIGIBLE or NOT_ELIGIBLE",
                    new Violation("outcome", "must be ELIGIBLE or NOT_ELIGIBLE"));
        }
        return views.view(eligibility.decide(id, decision.outcome(), decision.note(), Actors.current()));
    }
}
