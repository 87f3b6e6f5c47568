package clinic.migraine.eligibility.decision.domain;

import java.util.List;
import java.util.UUID;

/** Where decisions are kept. */
public interface CycleDecisions {

    /** False when the rules already decided this cycle (a redelivery). */
    boolean add(CycleDecision decision);

    /** Oldest first. */
    List<CycleDecision> ofReferral(UUID referralId);
}
