package clinic.migraine.intake.referral.domain;

/** Where a visit stands, as scheduling reported it: booked, or ended one of three ways. */
public enum VisitState {
    BOOKED, CANCELLED, NOSHOW, FULFILLED
}
