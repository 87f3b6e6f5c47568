package clinic.migraine.eligibility.decision.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.CycleDecisions;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import clinic.migraine.eligibility.decision.domain.Review;
import clinic.migraine.eligibility.decision.domain.ReviewStatus;
import clinic.migraine.eligibility.decision.domain.Reviews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the review pages and the API read. */
@Service
@Transactional(readOnly = true)
public class ReviewQueries {

    private final Reviews reviews;
    private final CycleDecisions decisions;
    private final ReferralCases cases;

    ReviewQueries(Reviews reviews, CycleDecisions decisions, ReferralCases cases) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.cases = cases;
    }

    /** @throws NotFound when there is no such review */
    public Review get(UUID id) {
        return reviews.find(id).orElseThrow(() -> new NotFound("review", id));
    }

    public List<Review> withStatus(ReviewStatus status, int limit) {
        return reviews.withStatus(status, limit);
    }

    public List<Review> recentlyClosed(int limit) {
        return reviews.recentlyClosed(limit);
    }

    /** The reviews of a referral still waiting for a clinician. */
    public List<Review> openOf(UUID referralId) {
        return reviews.openOf(referralId);
    }

    public long countOpen() {
        return reviews.countOpen();
    }

    public Optional<Baseline> baseline(UUID referralId) {
        return cases.baseline(referralId);
    }

    public List<CycleDecision> decisions(UUID referralId) {
        return decisions.ofReferral(referralId);
    }
}
