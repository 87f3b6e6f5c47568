package clinic.migraine.kit.security;

/** What a staff account may do. ADMIN implies every other role. */
public enum StaffRole {
    /** Referrals: submit, follow, withdraw. */
    INTAKE,
    /** Reviews, prior authorizations, treatment notes, urgent alerts. */
    CLINICIAN,
    /** Appointments and calendars. */
    SCHEDULER,
    /** The metrics (/actuator/prometheus) and health only: the Prometheus scraper's account. */
    METRICS,
    /** Everything, including dead letters and metrics. */
    ADMIN;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
