package clinic.migraine.followup.plan.domain;

/** Where the plan's events go, in the caller's transaction. */
public interface PlanEvents {

    void messageSent(MessageSent sent);

    void cycleDue(CycleDue due);
}
