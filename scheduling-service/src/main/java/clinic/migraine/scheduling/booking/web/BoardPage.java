package clinic.migraine.scheduling.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.kit.security.StaffRole;
import clinic.migraine.scheduling.booking.application.AppointmentQueries;
import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import clinic.migraine.scheduling.booking.domain.WeekBoard;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The schedulers' week board: one provider's week, refreshed in place when the live feed reports a change
 * (the fragment is the board's inner HTML) and every 20 seconds in case the stream dropped.
 */
@Controller
class BoardPage {

    /** The names the board listens for on the stream: every kind of change the feed sends. */
    static final String LIVE_EVENT_NAMES = String.join(",", FeedChange.wireNames());

    private static final int SEARCH_LIMIT = 25;

    private final AppointmentQueries queries;
    private final RebookingList rebookings;
    private final ClinicCalendar calendar;
    private final Clock clock;
    private final PatientDirectory directory;

    BoardPage(AppointmentQueries queries, RebookingList rebookings, ClinicCalendar calendar, Clock clock,
            PatientDirectory directory) {
        this.queries = queries;
        this.rebookings = rebookings;
        this.calendar = calendar;
        this.clock = clock;
        this.directory = directory;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/board";
    }

    @GetMapping("/board")
    ModelAndView board(@RequestParam(required = false) String providerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            Model model, HttpServletRequest request) {
        // the worklist is the schedulers' (a clinician reads the board, never books)
        if (request.isUserInRole(StaffRole.SCHEDULER.name()) || request.isUserInRole(StaffRole.ADMIN.name())) {
            model.addAttribute("rebookingCount", rebookings.open().size());
        }
        return week(providerId, week, model, "scheduling/board");
    }

    /** A patient found by name or birth date, with the visits their referral holds: staff work with people. */
    record Found(PatientDirectory.Patient patient, List<Appointment> visits) {
    }

    @GetMapping("/board/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        String q = query == null ? "" : query.strip();
        model.addAttribute("q", q);
        model.addAttribute("found", directory.search(q, SEARCH_LIMIT).stream()
                .map(p -> new Found(p, queries.ofReferral(p.referralId()).stream()
                        .filter(a -> a.status().holdsTheSlot()).toList()))
                .toList());
        model.addAttribute("zone", calendar.zone());
        return "scheduling/search";
    }

    @GetMapping("/board/fragment")
    ModelAndView fragment(@RequestParam(required = false) String providerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            Model model) {
        return week(providerId, week, model, "scheduling/board :: board");
    }

    private ModelAndView week(String providerId, LocalDate week, Model model, String view) {
        ClinicCalendar.Provider provider = providerId == null || providerId.isBlank()
                ? calendar.providers().get(0)
                : calendar.provider(providerId).orElse(null);
        if (provider == null) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        WeekBoard board = queries.week(provider, week == null ? today : week);
        model.addAttribute("board", board);
        model.addAttribute("confirmed", queries.confirmed(board));
        model.addAttribute("today", today);
        model.addAttribute("providers", calendar.providers());
        model.addAttribute("liveEventNames", LIVE_EVENT_NAMES);
        return new ModelAndView(view, model.asMap());
    }

    /** A week that is not a date is a bad link, answered with the page, not the API's problem details. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter() {
        return Pages.error(HttpStatus.BAD_REQUEST);
    }
}
