package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A visit as scheduling announced it, kept so a message can say when and where and carry its calendar entry.
 *
 * @param manageUrl the patient's own signed link to confirm, cancel or choose another time; null when scheduling
 *        sent none
 * @param sequence the version of the patient's calendar entry, as scheduling counts it; null when scheduling sent
 *        none (then it is one more than the last known)
 */
public record KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
        String location, String clinicZone, VisitStatus status, String manageUrl, Integer sequence) {

    public KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
            String location, String clinicZone, VisitStatus status) {
        this(id, referralId, cycle, start, end, provider, location, clinicZone, status, null, 0);
    }

    /** Off the calendar: cancelled or missed. */
    public boolean off() {
        return status == VisitStatus.CANCELLED || status == VisitStatus.NO_SHOW;
    }
}
