package clinic.migraine.scheduling.booking.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import clinic.migraine.kit.pages.ClinicTime;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.Rebooking;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rebooking worklist (SCHEDULER): cycles left without a visit, why, since when; one action books the earliest
 * slot the cycle's window allows. As JSON under {@code /api/rebooking} and as the page {@code /rebooking}.
 */
@Controller
class RebookingController {

    private final RebookingList rebookings;
    private final Booking booking;
    private final AppointmentController appointments;
    private final ClinicTime clinicTime;

    RebookingController(RebookingList rebookings, Booking booking, AppointmentController appointments,
            ClinicTime clinicTime) {
        this.rebookings = rebookings;
        this.booking = booking;
        this.appointments = appointments;
        this.clinicTime = clinicTime;
    }

    /** One entry: the cycle, why it has no visit, the visit it lost and since when. */
    record RebookingView(long id, UUID referralId, int cycle, Rebooking.Reason reason, String reasonText,
            UUID lostAppointmentId, Instant since) {

        static RebookingView of(Rebooking r) {
            return new RebookingView(r.id(), r.referralId(), r.cycle(), r.reason(),
                    switch (r.reason()) {
                        case NO_SHOW -> "Missed the visit, not booked again automatically";
                        case CANCELLED_BY_CLINIC -> "Called off by the clinic";
                        case NOT_BOOKED_AUTOMATICALLY -> "Eligible, but no slot fits the patient's 84 days and the "
                                + "payer's authorization, or the patient holds another referral's visit";
                        case CALL_TO_RESCHEDULE -> "The patient asked by text to be called about another time";
                    },
                    r.appointmentId(), r.openedAt());
        }
    }

    @GetMapping(path = "/api/rebooking", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<RebookingView> list() {
        return rebookings.open().stream().map(RebookingView::of).toList();
    }

    /** 404 when the entry is not open (booked meanwhile), 409 when no slot fits. */
    @PostMapping(path = "/api/rebooking/{id}/book", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    AppointmentController.AppointmentView book(@PathVariable long id) {
        return appointments.view(booking.rebook(id, Actors.currentOrNull()));
    }

    @GetMapping("/rebooking")
    ModelAndView page() {
        return new ModelAndView("scheduling/rebooking", java.util.Map.of("entries", list()));
    }

    @PostMapping("/rebooking/{id}/book")
    ModelAndView bookFromPage(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Appointment booked = booking.rebook(id, Actors.currentOrNull());
            redirect.addFlashAttribute("notice", "Booked for " + clinicTime.format(booked.start()) + ".");
            return new ModelAndView("redirect:/appointments/" + booked.id());
        } catch (NotFound gone) {
            redirect.addFlashAttribute("error", "That cycle is no longer on the worklist: it was booked meanwhile.");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", "Not booked: " + refused.getMessage() + ".");
        }
        return new ModelAndView("redirect:/rebooking");
    }
}
