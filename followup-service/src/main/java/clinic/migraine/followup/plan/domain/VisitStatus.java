package clinic.migraine.followup.plan.domain;

/** What follow-up knows of a visit, stored in the words FHIR uses for an appointment's status. */
public enum VisitStatus {
    BOOKED("booked"), CANCELLED("cancelled"), NO_SHOW("noshow"), FULFILLED("fulfilled");

    private final String code;

    VisitStatus(String code) {
        this.code = code;
    }

    /** The FHIR code, as stored and as it reads in a cancellation's reason ("visit noshow"). */
    public String code() {
        return code;
    }

    public static VisitStatus ofCode(String code) {
        for (VisitStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown visit status " + code);
    }
}
