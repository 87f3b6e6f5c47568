package clinic.migraine.scheduling.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.scheduling.booking.application.AppointmentQueries;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Today's visits per provider in time order, as the front desk works them (OpenEMR's patient flow board): who,
 * which cycle, confirmed or not, checked in, treated, missed; check in or mark a no-show from here. Refreshed in
 * place when the live feed reports a change, like the board.
 */
@Controller
class TodayPage {

    private final AppointmentQueries queries;
    private final Booking booking;
    private final ClinicCalendar calendar;
    private final Clock clock;

    TodayPage(AppointmentQueries queries, Booking booking, ClinicCalendar calendar, Clock clock) {
        this.queries = queries;
        this.booking = booking;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One provider's visits of the day, cancelled ones left out. */
    record ProviderDay(ClinicCalendar.Provider provider, List<Appointment> visits) {
    }

    @GetMapping("/today")
    String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        day(day, model);
        return "scheduling/today";
    }

    @GetMapping("/today/fragment")
    String fragment(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        day(day, model);
        return "scheduling/today :: today";
    }

    /** A day that is not a date is a bad link, answered with the page, not the API's problem details. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter() {
        return Pages.error(HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/today/{id}/check-in")
    String checkIn(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        return act(day, redirect, () -> booking.checkIn(id, Actors.currentOrNull()), "Checked in.");
    }

    @PostMapping("/today/{id}/no-show")
    String noShow(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        return act(day, redirect, () -> booking.noShow(id, Actors.currentOrNull()),
                "Marked as a no-show; the patient is told, and booked again or put on the rebooking worklist.");
    }

    /** Acts, then back to the same day's list with what happened. */
    private String act(LocalDate day, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (NotFound gone) {
            redirect.addFlashAttribute("problem", "There is no such visit.");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", "Not saved: " + refused.getMessage() + ".");
        }
        if (day != null) {
            redirect.addAttribute("day", day.toString());
        }
        return "redirect:/today";
    }

    /** The day's list; another day than today when the front desk looks ahead (tomorrow's calls) or back. */
    private void day(LocalDate requested, Model model) {
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = requested == null ? today : requested;
        List<ProviderDay> days = new ArrayList<>();
        List<Appointment> all = new ArrayList<>();
        for (ClinicCalendar.Provider provider : calendar.providers()) {
            List<Appointment> visits = queries.search(day.atStartOfDay(zone).toInstant(),
                            day.plusDays(1).atStartOfDay(zone).toInstant(), provider.id(), null).stream()
                    .filter(a -> a.status() != AppointmentStatus.cancelled)
                    .sorted(Comparator.comparing(Appointment::start)).toList();
            days.add(new ProviderDay(provider, visits));
            all.addAll(visits);
        }
        Set<UUID> confirmed = queries.confirmed(all);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("providers", days);
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("zone", zone);
        model.addAttribute("liveEventNames", BoardPage.LIVE_EVENT_NAMES);
    }
}
