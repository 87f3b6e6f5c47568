package clinic.migraine.followup.plan.domain;

import java.util.Optional;
import java.util.UUID;

/** What the patient's diary says: headache days in the last 30 days, the continuation test's measure. */
public interface HeadacheDiary {

    Optional<Integer> latestHeadacheDays(UUID referralId);
}
