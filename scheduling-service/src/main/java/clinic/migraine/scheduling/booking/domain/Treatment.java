package clinic.migraine.scheduling.booking.domain;

/** What the clinician recorded at the visit; the lot and notes may be missing. */
public record Treatment(int units, int sites, String lotNumber, String notes) {
}
