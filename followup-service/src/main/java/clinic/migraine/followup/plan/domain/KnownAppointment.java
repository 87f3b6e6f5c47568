package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/** A visit as scheduling announced it, kept so a message can say when and where. */
public record KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
        String location, String clinicZone, VisitStatus status) {
}
