package clinic.migraine.eligibility.decision.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where reviews are kept. */
public interface Reviews {

    void add(Review review);

    void save(Review review);

    Optional<Review> find(UUID id);

    /** The review, locked until the transaction ends, so two clinicians cannot both decide it. */
    Optional<Review> lock(UUID id);

    /** Oldest first; all statuses when {@code status} is null. */
    List<Review> withStatus(ReviewStatus status, int limit);

    /** Closed and withdrawn reviews, the most recently closed first. */
    List<Review> recentlyClosed(int limit);

    long countOpen();

    List<Review> openOf(UUID referralId);
}
