package clinic.migraine.scheduling.booking.web;

import java.util.Map;

import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
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

    private static final Map<CancelledBy, String> CANCELLED_BY = Map.of(
            CancelledBy.PATIENT, "the patient",
            CancelledBy.CLINIC, "the clinic",
            CancelledBy.SYSTEM, "the system (referral withdrawn)");

    public String status(AppointmentStatus status) {
        return status == null ? "" : STATUS.get(status);
    }

    public String cancelledBy(CancelledBy by) {
        return by == null ? "" : CANCELLED_BY.get(by);
    }
}
