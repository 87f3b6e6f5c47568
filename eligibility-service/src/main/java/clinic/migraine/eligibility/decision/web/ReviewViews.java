package clinic.migraine.eligibility.decision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.decision.Eligibility;
import clinic.migraine.eligibility.decision.StoredApplicant;
import clinic.migraine.eligibility.decision.persistence.DecisionStore;
import clinic.migraine.kit.web.DomainProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A review with the clinical facts and decisions it rests on, as the API answers it and the pages show it. */
@Component
class ReviewViews {

    record DecisionView(int cycle, String outcome, List<Eligibility.ReasonView> reasons, String policyId,
            String policyVersion, String decidedBy, String clinician, String note, Instant decidedAt) {
    }

    record ReviewView(UUID id, UUID referralId, int cycle, String status, List<Eligibility.ReasonView> openReasons,
            String policyId, String policyVersion, String authorizationNumber, LocalDate authorizationValidUntil,
            String outcome, String note, String clinician, Instant openedAt, Instant closedAt,
            StoredApplicant clinical, List<DecisionView> decisions) {
    }

    private final Eligibility eligibility;
    private final DecisionStore store;
    private final JsonMapper json;

    ReviewViews(Eligibility eligibility, DecisionStore store, JsonMapper json) {
        this.eligibility = eligibility;
        this.store = store;
        this.json = json;
    }

    ReviewView find(UUID id) {
        return view(store.review(id, false).orElseThrow(() -> DomainProblem.notFound("review", id)));
    }

    ReviewView view(DecisionStore.Review r) {
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
