package clinic.migraine.scheduling.booking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.calendar.CalendarVisit;
import clinic.migraine.calendar.IcsFile;
import clinic.migraine.calendar.Invitations;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.web.DomainProblem;
import clinic.migraine.kit.web.FieldError;
import clinic.migraine.scheduling.booking.application.AppointmentQueries;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.application.ChangeLog;
import clinic.migraine.scheduling.booking.application.SlotSearch;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.InjectionSite;
import clinic.migraine.scheduling.booking.domain.Muscle;
import clinic.migraine.scheduling.booking.domain.Side;
import clinic.migraine.scheduling.booking.domain.Treatment;
import clinic.migraine.scheduling.calendar.application.ClosureCalendar;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Slot;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/** What schedulers use: free slots, appointments and their actions, closures, the live feed and .ics files. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentController {

    static final Duration MAX_RANGE = Duration.ofDays(190);
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_PAGE = 10_000;

    private final Booking booking;
    private final AppointmentQueries queries;
    private final SlotSearch slots;
    private final ClosureCalendar closures;
    private final ClinicCalendar calendar;
    private final AppointmentFeed feed;
    private final Invitations invitations;
    private final PatientDirectory directory;
    private final Clock clock;

    AppointmentController(Booking booking, AppointmentQueries queries, SlotSearch slots, ClosureCalendar closures,
            ClinicCalendar calendar, AppointmentFeed feed, Invitations invitations, PatientDirectory directory,
            Clock clock) {
        this.booking = booking;
        this.queries = queries;
        this.slots = slots;
        this.closures = closures;
        this.calendar = calendar;
        this.feed = feed;
        this.invitations = invitations;
        this.directory = directory;
        this.clock = clock;
        feed.viewWith(id -> queries.find(id).map(this::view).orElse(null));
    }

    record AppointmentView(UUID id, UUID referralId, int cycle, String providerId, String providerName,
            String location, OffsetDateTime start, OffsetDateTime end, AppointmentStatus status, LocalDate notBefore,
            String cancelReason, CancelledBy cancelledBy, Integer units, Integer sites, String lotNumber, String notes,
            TreatmentView treatment) {
    }

    /** The dose record and its billing, on a treated visit. */
    record TreatmentView(OffsetDateTime administeredAt, String product, String lot, LocalDate lotExpiry,
            List<InjectionSite> sites, int totalUnits, int totalInjections, int wastedUnits, String overrideReason,
            String note, String injector, List<BillingItem> billing) {
    }

    /** A claim line: HCPCS code, modifier (JZ: nothing wasted, JW: the wasted units) and units. */
    record BillingItem(String code, String modifier, int units) {

        static List<BillingItem> of(Treatment.BillingLine line) {
            return line.zeroWaste() ? List.of(new BillingItem("J0585", "JZ", line.units()))
                    : List.of(new BillingItem("J0585", null, line.units()),
                            new BillingItem("J0585", "JW", line.wastedUnits()));
        }
    }

    @GetMapping("/slots")
    List<Slot> slots(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String providerId) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (!end.isAfter(start) || end.isAfter(start.plus(MAX_RANGE))) {
            throw new RuleBroken("'to' must be after 'from' and at most 190 days later",
                    new Violation("to", "must be after from, within 190 days"));
        }
        Instant now = clock.instant();
        return slots.freeSlots(start.isBefore(now) ? now : start, end, providerId);
    }

    /**
     * One page of the appointments starting in the range, by start; {@code next} (and the {@code Link} header,
     * rel="next") is the address of the following page with the range written out, null on the last page.
     */
    record AppointmentPage(List<AppointmentView> items, int page, int size,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
    }

    @GetMapping("/appointments")
    ResponseEntity<AppointmentPage> appointments(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) @Size(max = 40) String providerId,
            @RequestParam(required = false) AppointmentStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Instant start = from == null ? clock.instant().minus(Duration.ofDays(7)) : instant("from", from, false);
        Instant end = to == null ? start.plus(MAX_RANGE) : instant("to", to, true);
        requireRange(start, end);
        List<Appointment> found = queries.search(start, end, providerId, status, (long) page * size, size + 1);
        List<AppointmentView> items = found.stream().limit(size).map(this::view).toList();
        if (found.size() <= size) {
            return ResponseEntity.ok(new AppointmentPage(items, page, size, null));
        }
        String next = UriComponentsBuilder.fromPath("/api/appointments").queryParam("from", start)
                .queryParam("to", end).queryParamIfPresent("providerId", Optional.ofNullable(providerId))
                .queryParamIfPresent("status", Optional.ofNullable(status)).queryParam("page", page + 1)
                .queryParam("size", size).encode().build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(new AppointmentPage(items, page, size, next));
    }

    /** A list asked for over nothing or over more than the slots' 190 days is a bad request. */
    private static void requireRange(Instant start, Instant end) {
        if (!end.isAfter(start) || end.isAfter(start.plus(MAX_RANGE))) {
            throw new DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "'to' must be after 'from' and at most 190 days later",
                    List.of(new FieldError("to", "must be after from, within 190 days")));
        }
    }

    @GetMapping("/appointments/{id}")
    AppointmentView appointment(@PathVariable UUID id) {
        return view(queries.get(id));
    }

    /**
     * The visit's calendar entry as it stands now, the same version follow-up mails: REQUEST (CANCEL once cancelled
     * or missed) to the patient's address from the patient directory, or PUBLISH when the referral gave none.
     */
    @GetMapping(path = "/appointments/{id}.ics", produces = "text/calendar")
    ResponseEntity<String> ics(@PathVariable UUID id) {
        Appointment a = queries.get(id);
        String email = directory.of(a.referralId()).map(PatientDirectory.Patient::email).orElse(null);
        boolean off = a.status() == AppointmentStatus.cancelled || a.status() == AppointmentStatus.noshow;
        CalendarVisit visit = new CalendarVisit(a.id(), a.sequence(), a.cycle(), a.start(), a.end(), calendar.zone(),
                providerName(a.providerId()), a.location(), email, off);
        IcsFile ics = invitations.write(visit, clock.instant());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ics.contentType()))
                .header("Content-Disposition", "attachment; filename=\"appointment-" + id + ".ics\"")
                .body(ics.text());
    }

    record NewAppointment(@NotNull UUID referralId, @NotNull @Min(1) @Max(100) Integer cycle, @NotNull Instant start,
            @NotBlank @Size(max = 40) String providerId) {
    }

    @PostMapping(path = "/appointments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentView book(@Valid @RequestBody NewAppointment request) {
        return view(booking.book(request.referralId(), request.cycle(), request.start(), request.providerId(),
                Actors.currentOrNull()));
    }

    record Reschedule(@NotNull Instant start, @Size(max = 40) String providerId) {
    }

    @PostMapping(path = "/appointments/{id}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    AppointmentView reschedule(@PathVariable UUID id, @Valid @RequestBody Reschedule request) {
        return view(booking.reschedule(id, request.start(), request.providerId(), Actors.currentOrNull()));
    }

    record Cancel(@NotBlank @Size(max = 500) String reason, @NotNull CancelledBy by) {
    }

    @PostMapping(path = "/appointments/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    AppointmentView cancel(@PathVariable UUID id, @Valid @RequestBody Cancel request) {
        return view(booking.cancel(id, request.reason(), request.by(), Actors.currentOrNull()));
    }

    @PostMapping("/appointments/{id}/no-show")
    AppointmentView noShow(@PathVariable UUID id) {
        return view(booking.noShow(id, Actors.currentOrNull()));
    }

    @PostMapping("/appointments/{id}/check-in")
    AppointmentView checkIn(@PathVariable UUID id) {
        return view(booking.checkIn(id, Actors.currentOrNull()));
    }

    /** One line of the dose record as sent; {@code otherMuscle} names the muscle when it is OTHER. */
    record SiteDose(@NotNull Muscle muscle, @Size(max = 60) String otherMuscle, @NotNull Side side,
            @NotNull @Min(1) @Max(40) Integer injections, @NotNull @Min(1) @Max(400) Integer units) {
    }

    /** The whole dose record: every field the clinician must give is required, none is filled in here. */
    record Completion(@NotNull OffsetDateTime administeredAt,
            @NotBlank @Pattern(regexp = "onabotulinumtoxinA", message = "must be onabotulinumtoxinA") String product,
            @NotBlank @Size(max = 40) String lot, @NotNull LocalDate lotExpiry,
            @NotEmpty @Size(max = 60) List<@NotNull @Valid SiteDose> sites,
            @NotNull @Min(0) @Max(400) Integer wastedUnits, @Size(max = 500) String overrideReason,
            @Size(max = 2000) String note) {

        Treatment treatment() {
            List<FieldError> unnamed = new java.util.ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                SiteDose site = sites.get(i);
                boolean other = site.muscle() == Muscle.OTHER;
                boolean named = site.otherMuscle() != null && !site.otherMuscle().isBlank();
                if (other != named) {
                    unnamed.add(new FieldError("sites[" + i + "].otherMuscle",
                            other ? "must name the muscle when it is OTHER" : "must be empty unless muscle is OTHER"));
                }
            }
            if (!unnamed.isEmpty()) {
                throw new DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request", "A site's muscle is not named",
                        unnamed);
            }
            return new Treatment(administeredAt.toInstant(), product, lot.trim(), lotExpiry,
                    sites.stream().map(s -> new InjectionSite(s.muscle(),
                            s.muscle() == Muscle.OTHER ? s.otherMuscle().trim() : null, s.side(), s.injections(),
                            s.units())).toList(),
                    wastedUnits, blankToNull(overrideReason), blankToNull(note), null);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** A clinician records the treatment they gave (the injector is the signed-in account). */
    @PostMapping(path = "/appointments/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    AppointmentView complete(@PathVariable UUID id, @Valid @RequestBody Completion request) {
        return view(booking.complete(id, request.treatment(), Actors.currentOrNull()));
    }

    @GetMapping(path = "/appointments/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws java.io.IOException {
        String account = Actors.currentOrNull();
        SseEmitter emitter = feed.open(account == null ? "anonymous" : account);
        if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
            for (ChangeLog.Entry change : queries.changesAfter(Long.parseLong(lastEventId), 1000)) {
                emitter.send(SseEmitter.event().id(String.valueOf(change.seq())).name(change.kind().wireName())
                        .data(queries.find(change.appointmentId()).map(this::view).orElse(null)));
            }
        }
        return emitter;
    }

    record NewClosure(@Size(max = 40) String providerId, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 200) String reason) {
    }

    @GetMapping("/closures")
    List<Closure> closures() {
        return closures.all();
    }

    @PostMapping(path = "/closures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Closure addClosure(@Valid @RequestBody NewClosure request) {
        return closures.close(request.providerId(), request.startsOn(), request.endsOn(), request.reason());
    }

    @DeleteMapping("/closures/{id}")
    ResponseEntity<Void> deleteClosure(@PathVariable UUID id) {
        closures.reopen(id);
        return ResponseEntity.noContent().build();
    }

    AppointmentView view(Appointment a) {
        ZoneId zone = calendar.zone();
        return new AppointmentView(a.id(), a.referralId(), a.cycle(), a.providerId(), providerName(a.providerId()),
                a.location(), a.start().atZone(zone).toOffsetDateTime(), a.end().atZone(zone).toOffsetDateTime(),
                a.status(), a.notBefore() == null ? null : a.notBefore().atZone(zone).toLocalDate(), a.cancelReason(),
                a.cancelledBy(), a.units(), a.sites(), a.lotNumber(), a.notes(),
                a.status() == AppointmentStatus.fulfilled ? queries.treatment(a.id()).map(t -> treatmentView(t, zone))
                        .orElse(null) : null);
    }

    static TreatmentView treatmentView(Treatment t, ZoneId zone) {
        return new TreatmentView(t.administeredAt().atZone(zone).toOffsetDateTime(), t.product(), t.lot(),
                t.lotExpiry(), t.sites(), t.totalUnits(), t.totalInjections(), t.wastedUnits(), t.overrideReason(),
                t.note(), t.injector(), BillingItem.of(t.billing()));
    }

    private String providerName(String providerId) {
        return calendar.provider(providerId).map(ClinicCalendar.Provider::name).orElse(null);
    }

    /** A date (start of that day, or of the next day for an end) in the clinic's zone, or an ISO instant. */
    private Instant instant(String field, String value, boolean endOfRange) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(calendar.zone()).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + " must be a date or an ISO-8601 instant",
                    List.of(new FieldError(field, "must be a date (2026-12-01) or an instant (2026-12-01T09:00:00-08:00)")));
        }
    }
}
