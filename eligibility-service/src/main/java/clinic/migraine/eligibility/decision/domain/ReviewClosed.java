package clinic.migraine.eligibility.decision.domain;

import clinic.migraine.domain.Conflict;

/** The review was decided or withdrawn meanwhile; nothing more can be recorded on it. */
public class ReviewClosed extends Conflict {

    public ReviewClosed(ReviewStatus status) {
        super("Review closed", "This review is " + status);
    }
}
