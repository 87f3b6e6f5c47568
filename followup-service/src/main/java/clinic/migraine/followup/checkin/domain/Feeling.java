package clinic.migraine.followup.checkin.domain;

/** How a patient feels since the injections, in their own estimate. */
public enum Feeling {
    BETTER("Better"), SAME("About the same"), WORSE("Worse");

    private final String label;

    Feeling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
