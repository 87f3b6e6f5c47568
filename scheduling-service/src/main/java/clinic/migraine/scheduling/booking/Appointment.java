package clinic.migraine.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

/** A visit on a provider's calendar for one referral and treatment cycle. */
public record Appointment(UUID id, UUID referralId, int cycle, String providerId, String location, Instant start,
        Instant end, AppointmentStatus status, Instant notBefore, int noShows, String cancelReason, String cancelledBy,
        Integer units, Integer sites, String lotNumber, String notes, Instant updatedAt) {
}
