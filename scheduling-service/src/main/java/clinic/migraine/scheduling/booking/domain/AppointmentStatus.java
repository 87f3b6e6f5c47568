package clinic.migraine.scheduling.booking.domain;

/** FHIR R4 Appointment statuses used here. */
public enum AppointmentStatus {
    booked, arrived, fulfilled, cancelled, noshow;

    /** Booked, arrived and treated visits keep their slot; cancelled and missed ones free it. */
    public boolean holdsTheSlot() {
        return this == booked || this == arrived || this == fulfilled;
    }
}
