package clinic.migraine.followup.plan.domain;

import java.time.LocalDate;
import java.util.UUID;

/** The check, some weeks after a treatment, whether the patient's next cycle is due. One per referral and cycle. */
public record CycleCheck(UUID referralId, int cycle, LocalDate treatmentDate) {

    /** One check per referral and cycle, whatever happens to the timer. */
    public String key() {
        return referralId + ":" + cycle;
    }

    /** The check as its timer carries it. */
    public String data() {
        return referralId + "|" + cycle + "|" + treatmentDate;
    }

    public static CycleCheck parse(String data) {
        String[] parts = data.split("\\|");
        return new CycleCheck(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), LocalDate.parse(parts[2]));
    }
}
