package clinic.migraine.scheduling.booking.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.NotFound;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.scheduling.booking.application.PatientVisits;
import clinic.migraine.scheduling.booking.domain.SlotTaken;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's own page for their visit, reached by the signed link in the confirmation and reminders: when and
 * where, confirm, cancel, or choose another free time. No sign-in: the link is the key. A forged or garbled link
 * answers 404 and reveals nothing; a time taken meanwhile answers 409 with the times still free.
 */
@Controller
class VisitPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a",
            Locale.US);

    private final PatientVisits visits;
    private final ClinicCalendar calendar;

    VisitPages(PatientVisits visits, ClinicCalendar calendar) {
        this.visits = visits;
        this.calendar = calendar;
    }

    @GetMapping("/visit/{token}")
    ModelAndView page(@PathVariable String token, Model model) {
        return show(token, model, HttpStatus.OK);
    }

    @PostMapping("/visit/{token}/confirm")
    ModelAndView confirm(@PathVariable String token, Model model, RedirectAttributes redirect) {
        return act(token, model, redirect, id -> visits.confirm(id),
                "Thank you: your visit is confirmed. We look forward to seeing you.");
    }

    @PostMapping("/visit/{token}/cancel")
    ModelAndView cancel(@PathVariable String token, @RequestParam(required = false) String sure, Model model,
            RedirectAttributes redirect) {
        if (!"yes".equals(sure)) {
            model.addAttribute("problem", "Tick the box to say you want to cancel the visit.");
            return show(token, model, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return act(token, model, redirect, id -> visits.cancel(id),
                "Your visit is cancelled. The clinic will call you about a new date.");
    }

    @PostMapping("/visit/{token}/move")
    ModelAndView move(@PathVariable String token,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant start,
            @RequestParam(required = false) String providerId, Model model, RedirectAttributes redirect) {
        if (start == null || providerId == null || providerId.isBlank()) {
            model.addAttribute("problem", "Choose one of the times below.");
            return show(token, model, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return act(token, model, redirect, id -> visits.move(id, start, providerId),
                "Your visit has moved to the time you chose, and is confirmed. A new invitation is on its way.");
    }

    @GetMapping("/visit/{token}/offers/{offerId}")
    ModelAndView offer(@PathVariable String token, @PathVariable String offerId, Model model) {
        return offerPage(token, offerId, model, HttpStatus.OK);
    }

    /** The first patient to take the offer moves there; the others are told it is taken (409). */
    @PostMapping("/visit/{token}/offers/{offerId}")
    ModelAndView takeOffer(@PathVariable String token, @PathVariable String offerId, Model model,
            RedirectAttributes redirect) {
        UUID visit = visits.visitOf(token).orElse(null);
        UUID offer = uuid(offerId);
        if (visit == null || offer == null) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        try {
            visits.takeOffer(visit, offer);
        } catch (NotFound unknown) {
            return Pages.error(HttpStatus.NOT_FOUND);
        } catch (Conflict taken) {
            model.addAttribute("problem", "Sorry, this earlier time has already been taken. Your visit stays as it "
                    + "was.");
            return offerPage(token, offerId, model, HttpStatus.CONFLICT);
        } catch (RuleBroken refused) {
            model.addAttribute("problem", "This earlier time is not possible for your visit. Your visit stays as it "
                    + "was.");
            return offerPage(token, offerId, model, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("notice", "Your visit has moved to the earlier time, and is confirmed. A new "
                + "invitation is on its way.");
        return new ModelAndView("redirect:/visit/" + token);
    }

    private ModelAndView offerPage(String token, String offerId, Model model, HttpStatus status) {
        UUID visit = visits.visitOf(token).orElse(null);
        UUID offerUuid = uuid(offerId);
        if (visit == null || offerUuid == null) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        PatientVisits.Offer offer;
        try {
            offer = visits.offer(visit, offerUuid);
        } catch (NotFound unknown) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        ZoneId zone = calendar.zone();
        model.addAttribute("token", token);
        model.addAttribute("offer", offer);
        model.addAttribute("offeredWhen", when(offer.offer().start(), zone));
        model.addAttribute("currentWhen", when(offer.visit().start(), zone));
        model.addAttribute("takenByThisVisit", visit.equals(offer.offer().takenBy()));
        return new ModelAndView("scheduling/offer", model.asMap(), status);
    }

    private static String when(Instant start, ZoneId zone) {
        return WHEN.format(start.atZone(zone)) + " " + zone.getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private interface Act {
        void on(UUID visit);
    }

    private ModelAndView act(String token, Model model, RedirectAttributes redirect, Act act, String done) {
        UUID id = visits.visitOf(token).orElse(null);
        if (id == null) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        try {
            act.on(id);
        } catch (SlotTaken taken) {
            model.addAttribute("problem", "Sorry, that time has just been taken by someone else. Please choose "
                    + "another one below.");
            return show(token, id, model, HttpStatus.CONFLICT);
        } catch (NotFound gone) {
            return Pages.error(HttpStatus.NOT_FOUND);
        } catch (Conflict | RuleBroken refused) {
            model.addAttribute("problem", refused instanceof Conflict
                    ? "This visit can no longer be changed here. Please call the clinic."
                    : "That time is not possible for this visit. Please choose one of the times below.");
            return show(token, id, model, refused instanceof Conflict ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("notice", done);
        return new ModelAndView("redirect:/visit/" + token);
    }

    /** The visit the token names, or 404 for a forged or garbled one. */
    private ModelAndView show(String token, Model model, HttpStatus status) {
        return visits.visitOf(token).map(id -> show(token, id, model, status))
                .orElseGet(() -> Pages.error(HttpStatus.NOT_FOUND));
    }

    private ModelAndView show(String token, UUID id, Model model, HttpStatus status) {
        PatientVisits.Visit visit;
        try {
            visit = visits.view(id);
        } catch (NotFound gone) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        ZoneId zone = calendar.zone();
        model.addAttribute("token", token);
        model.addAttribute("visit", visit);
        model.addAttribute("when", when(visit.appointment().start(), zone));
        model.addAttribute("provider", calendar.provider(visit.appointment().providerId())
                .map(ClinicCalendar.Provider::name).orElse(null));
        model.addAttribute("times", visit.otherTimes().stream().map(slot -> new Time(slot.start().toInstant(),
                slot.providerId(), WHEN.format(slot.start().atZoneSameInstant(zone)) + " with "
                        + calendar.provider(slot.providerId()).map(ClinicCalendar.Provider::name)
                                .orElse(slot.providerId()))).toList());
        return new ModelAndView("scheduling/visit", model.asMap(), status);
    }

    /** A free time the patient may choose. */
    record Time(Instant start, String providerId, String label) {
    }
}
