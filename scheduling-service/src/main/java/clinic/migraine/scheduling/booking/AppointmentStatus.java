package clinic.migraine.scheduling.booking;

/** FHIR R4 Appointment statuses used here. */
public enum AppointmentStatus {
    booked, arrived, fulfilled, cancelled, noshow;

    public boolean holdsTheSlot() {
        return this == booked || this == arrived || this == fulfilled;
    }
}
