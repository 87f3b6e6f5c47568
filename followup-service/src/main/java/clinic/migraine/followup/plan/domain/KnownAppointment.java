package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A visit as scheduling announced it, kept so a message can say when and where.
 *
 * @param manageUrl the patient's own signed link to confirm, cancel or choose another time; null when scheduling
 *        sent none
 */
public record KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
        String location, String clinicZone, VisitStatus status, String manageUrl) {

    public KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
            String location, String clinicZone, VisitStatus status) {
        this(id, referralId, cycle, start, end, provider, location, clinicZone, status, null);
    }
}
