package clinic.migraine.scheduling.booking.web;

import java.util.Map;

import clinic.migraine.events.CancelledBy;
import clinic.migraine.scheduling.booking.AppointmentStatus;
import org.springframework.stereotype.Component;

/** Plain-English words for statuses on the pages; templates read it as {@code ${@appointmentLabels}}. */
@Component("appointmentLabels")
public class AppointmentLabels {

    private static final Map<AppointmentStatus, String> STATUS = Map.of(
            AppointmentStatus.booked, "Booked",
            AppointmentStatus.arrived, "Checked in",
            AppointmentStatus.fulfilled, "Treated",
            AppointmentStatus.cancelled, "Cancelled",
            AppointmentStatus.noshow, "No-show");

    private static final Map<String, String> CANCELLED_BY = Map.of(
            CancelledBy.PATIENT.name(), "the patient",
            CancelledBy.CLINIC.name(), "the clinic",
            CancelledBy.SYSTEM.name(), "the system (referral withdrawn)");

    public String status(AppointmentStatus status) {
        return status == null ? "" : STATUS.get(status);
    }

    public String cancelledBy(String by) {
        return by == null ? "" : CANCELLED_BY.getOrDefault(by, by);
    }
}
