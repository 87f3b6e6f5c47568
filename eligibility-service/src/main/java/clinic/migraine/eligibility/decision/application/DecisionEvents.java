package clinic.migraine.eligibility.decision.application;

import clinic.migraine.eligibility.decision.domain.CycleDecision;

/** Outbound port: publishes a decision, in the caller's transaction (the outbox). */
public interface DecisionEvents {

    void publish(CycleDecision decision);
}
