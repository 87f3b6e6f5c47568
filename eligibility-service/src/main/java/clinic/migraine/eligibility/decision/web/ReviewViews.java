package clinic.migraine.eligibility.decision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.decision.application.ReviewQueries;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.Review;
import clinic.migraine.eligibility.policy.domain.Decision;
import org.springframework.stereotype.Component;

/** A review with the clinical facts and decisions it rests on, as the API answers it and the pages show it. */
@Component
class ReviewViews {

    record ReasonView(String code, String message) {

        static List<ReasonView> of(List<Decision.Reason> reasons) {
            return reasons.stream().map(r -> new ReasonView(r.code().name(), r.message())).toList();
        }
    }

    record DecisionView(int cycle, String outcome, List<ReasonView> reasons, String policyId,
            String policyVersion, String decidedBy, String clinician, String note, Instant decidedAt) {
    }

    record ReviewView(UUID id, UUID referralId, int cycle, String status, List<ReasonView> openReasons,
            String policyId, String policyVersion, String authorizationNumber, LocalDate authorizationValidUntil,
            String outcome, String note, String clinician, Instant openedAt, Instant closedAt,
            Baseline clinical, List<DecisionView> decisions, boolean confirmsEndOfCourse) {
    }

    private final ReviewQueries queries;

    ReviewViews(ReviewQueries queries) {
        this.queries = queries;
    }

    ReviewView find(UUID id) {
        return view(queries.get(id));
    }

    ReviewView view(Review r) {
        Baseline clinical = queries.baseline(r.referralId()).orElse(null);
        List<DecisionView> decisions = queries.decisions(r.referralId()).stream().map(ReviewViews::decision).toList();
        return new ReviewView(r.id(), r.referralId(), r.cycle(), r.status().name(), ReasonView.of(r.openReasons()),
                r.policyId(), r.policyVersion(), r.authorizationNumber(), r.authorizationValidUntil(),
                r.outcome() == null ? null : r.outcome().name(), r.note(), r.clinician(), r.openedAt(), r.closedAt(),
                clinical, decisions, r.confirmsEndOfCourse());
    }

    private static DecisionView decision(CycleDecision d) {
        return new DecisionView(d.cycle(), d.outcome().name(), ReasonView.of(d.reasons()), d.policyId(),
                d.policyVersion(), d.decidedBy().name(), d.clinician(), d.note(), d.decidedAt());
    }
}
