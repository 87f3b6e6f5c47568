package clinic.migraine.scheduling.booking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.pages.ClinicTime;
import clinic.migraine.kit.pages.Site;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.security.StaffRole;
import clinic.migraine.kit.web.DomainErrors;
import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.booking.application.AppointmentQueries;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.application.SlotSearch;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.Muscle;
import clinic.migraine.scheduling.booking.domain.Side;
import clinic.migraine.scheduling.booking.domain.Treatment;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Slot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An appointment's page: its details and history, and the actions its status allows as plain forms. Each action
 * calls the same {@link Booking} method as the API, then redirects back with a notice; a refusal (slot just
 * taken, a transition the status does not allow, a field out of range) shows the page again with the reason.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentPage {

    /** How far ahead the reschedule form lists the provider's free slots. */
    private static final Duration RESCHEDULE_CHOICE = Duration.ofDays(14);

    private final Booking booking;
    private final AppointmentQueries queries;
    private final SlotSearch slots;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final RoleHierarchy roles;
    private final ClinicTime clinicTime;
    private final Site site;
    private final Clock clock;

    AppointmentPage(Booking booking, AppointmentQueries queries, SlotSearch slots, ClinicCalendar calendar,
            AuditTrail audit, RoleHierarchy roles, ClinicTime clinicTime, Site site, Clock clock) {
        this.booking = booking;
        this.queries = queries;
        this.slots = slots;
        this.calendar = calendar;
        this.audit = audit;
        this.roles = roles;
        this.clinicTime = clinicTime;
        this.site = site;
        this.clock = clock;
    }

    record RescheduleForm(String start) {
    }

    record CancelForm(@NotBlank(message = "Say why the appointment is cancelled") @Size(max = 500) String reason,
            @NotNull(message = "Say who cancelled") CancelledBy by) {
    }

    /** The three forms' values: defaults, or what was just sent when the page comes back with errors. */
    record Forms(RescheduleForm reschedule, CancelForm cancel, DoseForm complete) {

        static Forms defaults(LocalDateTime now) {
            return new Forms(new RescheduleForm(null), new CancelForm(null, CancelledBy.PATIENT),
                    DoseForm.preempt(now));
        }

        Forms with(Object sent) {
            return new Forms(sent instanceof RescheduleForm r ? r : reschedule,
                    sent instanceof CancelForm c ? c : cancel,
                    sent instanceof DoseForm d ? d : complete);
        }
    }

    @GetMapping("/{id}")
    ModelAndView show(@PathVariable UUID id, Authentication who) {
        return page(id, who, defaults(), null, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/{id}/reschedule")
    ModelAndView reschedule(@PathVariable UUID id, @ModelAttribute RescheduleForm form, Authentication who,
            RedirectAttributes redirect) {
        Map<String, String> invalid = new LinkedHashMap<>();
        Instant start = parseStart(form.start(), invalid);
        return act(id, who, form, invalid, redirect, () -> {
            Appointment moved = booking.reschedule(id, start, null, Actors.currentOrNull());
            return "Moved to " + clinicTime.format(moved.start()) + ".";
        });
    }

    @PostMapping("/{id}/cancel")
    ModelAndView cancel(@PathVariable UUID id, @Valid @ModelAttribute CancelForm form, BindingResult result,
            Authentication who, RedirectAttributes redirect) {
        return act(id, who, form, fieldErrors(result), redirect, () -> {
            booking.cancel(id, form.reason().trim(), form.by(), Actors.currentOrNull());
            return "Cancelled. The slot is free again.";
        });
    }

    @PostMapping("/{id}/no-show")
    ModelAndView noShow(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
        return act(id, who, null, Map.of(), redirect, () -> {
            Appointment missed = booking.noShow(id, Actors.currentOrNull());
            return queries.replacement(missed)
                    .map(next -> "Marked as a no-show. The patient was booked again for "
                            + clinicTime.format(next.start()) + ".")
                    .orElse("Marked as a no-show. The patient was not booked again: book by hand.");
        });
    }

    @PostMapping("/{id}/check-in")
    ModelAndView checkIn(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
        return act(id, who, null, Map.of(), redirect, () -> {
            booking.checkIn(id, Actors.currentOrNull());
            return "Checked in.";
        });
    }

    @PostMapping("/{id}/complete")
    ModelAndView complete(@PathVariable UUID id, @ModelAttribute DoseForm form, Authentication who,
            RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        Treatment treatment = form.treatment(calendar.zone(), problems);
        return act(id, who, form, problems, redirect, () -> {
            Appointment treated = booking.complete(id, treatment, Actors.currentOrNull());
            return "Treatment recorded: " + treated.units() + " U at " + treated.sites() + " injection sites.";
        });
    }

    /** An id that is not a UUID is an address that does not exist. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notAnId() {
        return Pages.error(HttpStatus.NOT_FOUND);
    }

    private ModelAndView act(UUID id, Authentication who, Object form, Map<String, String> invalid,
            RedirectAttributes redirect, Supplier<String> action) {
        if (!invalid.isEmpty()) {
            return page(id, who, defaults().with(form), "Not saved: check the fields marked below.", invalid,
                    HttpStatus.BAD_REQUEST);
        }
        try {
            redirect.addFlashAttribute("notice", action.get());
            return new ModelAndView("redirect:/appointments/" + id);
        } catch (NotFound gone) {
            return Pages.error(HttpStatus.NOT_FOUND);
        } catch (DomainException refused) {
            return page(id, who, defaults().with(form), "Not saved: " + refused.getMessage() + ".",
                    DomainErrors.byField(refused), DomainErrors.status(refused));
        }
    }

    private ModelAndView page(UUID id, Authentication who, Forms forms, String error, Map<String, String> errors,
            HttpStatus status) {
        Appointment appointment = queries.find(id).orElse(null);
        if (appointment == null) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("appointment", appointment);
        model.put("providerName", calendar.provider(appointment.providerId()).map(ClinicCalendar.Provider::name)
                .orElse(appointment.providerId()));
        model.put("referralPage", site.link("intake", "/referrals/" + appointment.referralId()));
        model.put("week", appointment.start().atZone(calendar.zone()).toLocalDate());
        model.put("current", appointment.status().holdsTheSlot() ? null : queries.replacement(appointment).orElse(null));
        model.put("history", audit.changesAbout(id).stream().filter(e -> id.equals(e.subjectId())).toList());
        model.put("canSchedule", has(who, StaffRole.SCHEDULER));
        // the dose record is the injecting clinician's; a scheduler sees it, never writes it
        model.put("canComplete", has(who, StaffRole.CLINICIAN));
        model.put("muscles", Muscle.values());
        model.put("sides", Side.values());
        model.put("treatment", appointment.status() == AppointmentStatus.fulfilled
                ? queries.treatment(id).map(t -> AppointmentController.treatmentView(t, calendar.zone())).orElse(null)
                : null);
        model.put("freeSlots", freeSlotsByDay(appointment));
        model.put("cancelledByChoices", List.of(CancelledBy.PATIENT, CancelledBy.CLINIC));
        model.put("forms", forms);
        model.put("errors", errors);
        if (error != null) {
            model.put("error", error);
        }
        return new ModelAndView("scheduling/appointment", model, status);
    }

    /** The provider's next free slots (never before the 84-day interval allows), grouped by clinic day. */
    private Forms defaults() {
        return Forms.defaults(LocalDateTime.ofInstant(clock.instant(), calendar.zone()));
    }

    private Map<LocalDate, List<Slot>> freeSlotsByDay(Appointment appointment) {
        if (appointment.status() != AppointmentStatus.booked) {
            return Map.of();
        }
        Instant now = clock.instant();
        Instant from = appointment.notBefore() != null && appointment.notBefore().isAfter(now)
                ? appointment.notBefore() : now;
        return slots.freeSlots(from, from.plus(RESCHEDULE_CHOICE), appointment.providerId()).stream()
                .collect(Collectors.groupingBy(s -> s.start().atZoneSameInstant(calendar.zone()).toLocalDate(),
                        LinkedHashMap::new, Collectors.toList()));
    }

    private boolean has(Authentication who, StaffRole role) {
        if (who == null) {
            return false;
        }
        return roles.getReachableGrantedAuthorities(who.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(role.authority()::equals);
    }

    private static Instant parseStart(String start, Map<String, String> invalid) {
        if (start == null || start.isBlank()) {
            invalid.put("start", "Pick a free slot");
            return null;
        }
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            invalid.put("start", "Pick one of the listed slots");
            return null;
        }
    }

    private static Map<String, String> fieldErrors(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (org.springframework.validation.FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), !error.isBindingFailure() ? error.getDefaultMessage()
                    : "by".equals(error.getField()) ? "Pick one of the choices" : "must be a whole number");
        }
        return errors;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
