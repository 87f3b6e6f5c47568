package clinic.migraine.scheduling.booking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

import clinic.migraine.fhir.Capabilities;
import clinic.migraine.fhir.FhirApi;
import clinic.migraine.fhir.FhirProblem;
import clinic.migraine.fhir.FhirResourceConverter;
import clinic.migraine.fhir.Identifiers;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.scheduling.booking.application.AppointmentQueries;
import clinic.migraine.scheduling.booking.application.SlotSearch;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Slot;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Appointments and free slots as FHIR R4, for an EHR or a patient portal: {@code GET /fhir/Appointment/{id}},
 * {@code GET /fhir/Appointment?patient=&date=} (by intake's patient id, all their visits unless days are given;
 * by day with the FHIR prefixes eq, ge, gt, le, lt; at most {@value #MAX_DAYS} days),
 * {@code GET /fhir/Slot?schedule=&start=} (free slots of one provider's schedule) and {@code GET /fhir/metadata}. Times carry the clinic's offset, as the visit happens there.
 */
@RestController
@FhirApi
@RequestMapping(path = "/fhir", produces = {FhirResourceConverter.FHIR_JSON_VALUE, "application/json"})
class FhirAppointmentController {

    static final int MAX_DAYS = 190;
    private static final int MAX_RESULTS = 500;

    private final AppointmentQueries queries;
    private final SlotSearch slots;
    private final ClinicCalendar calendar;
    private final PatientDirectory directory;
    private final Clock clock;

    FhirAppointmentController(AppointmentQueries queries, SlotSearch slots, ClinicCalendar calendar,
            PatientDirectory directory, Clock clock) {
        this.queries = queries;
        this.slots = slots;
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/Appointment/{id}")
    org.hl7.fhir.r4.model.Appointment appointment(@PathVariable String id) {
        return parseId(id).flatMap(queries::find).map(a -> appointment(a, directory.of(a.referralId())))
                .orElseThrow(() -> FhirProblem.notFound("Appointment"));
    }

    @GetMapping("/Appointment")
    Bundle appointments(@RequestParam(required = false) String patient,
            @RequestParam(required = false) List<String> date) {
        if (patient == null && (date == null || date.isEmpty())) {
            throw FhirProblem.badRequest(FhirProblem.Issue.required("patient",
                    "Search by patient (intake's patient id) or by date (e.g. date=ge2026-12-01&date=lt2027-01-01)"));
        }
        Range range = Range.of(date, calendar.zone(), LocalDate.now(clock.withZone(calendar.zone())));
        List<Appointment> found;
        if (patient != null) {
            UUID patientId = parseId(patient.replaceFirst("^Patient/", "")).orElseThrow(() -> FhirProblem.badRequest(
                    FhirProblem.Issue.invalid("patient", "A patient id as intake gives it (Patient/<uuid> or <uuid>)")));
            boolean anyDay = date == null || date.isEmpty();
            found = directory.referralsOf(patientId).stream().flatMap(r -> queries.ofReferral(r).stream())
                    .filter(a -> anyDay || range.contains(a.start())).sorted(Comparator.comparing(Appointment::start)).toList();
        } else {
            found = queries.search(range.from(), range.to(), null, null);
        }
        if (found.size() > MAX_RESULTS) {
            throw FhirProblem.badRequest(new FhirProblem.Issue(OperationOutcome.IssueType.TOOCOSTLY, "date",
                    "More than " + MAX_RESULTS + " appointments: narrow the dates"));
        }
        Map<UUID, PatientDirectory.Patient> patients = directory.of(found.stream().map(Appointment::referralId)
                .distinct().toList());
        return searchSet(found.stream().<Resource>map(a -> appointment(a, Optional.ofNullable(
                patients.get(a.referralId())))).toList());
    }

    @GetMapping("/Slot")
    Bundle slots(@RequestParam(required = false) String schedule, @RequestParam(required = false) List<String> start) {
        if (schedule == null || schedule.isBlank()) {
            throw FhirProblem.badRequest(FhirProblem.Issue.required("schedule", "The provider's schedule "
                    + "(Schedule/<provider id>): one of " + String.join(", ",
                            calendar.providers().stream().map(ClinicCalendar.Provider::id).toList())));
        }
        String providerId = schedule.replaceFirst("^Schedule/", "");
        ClinicCalendar.Provider provider = calendar.provider(providerId).orElseThrow(() -> FhirProblem.badRequest(
                FhirProblem.Issue.codeInvalid("schedule", "No schedule " + providerId + ": one of " + String.join(", ",
                        calendar.providers().stream().map(ClinicCalendar.Provider::id).toList()))));
        Range range = Range.of(start, calendar.zone(), LocalDate.now(clock.withZone(calendar.zone())));
        Instant now = clock.instant();
        List<Slot> free = slots.freeSlots(range.from().isBefore(now) ? now : range.from(), range.to(), provider.id());
        return searchSet(free.stream().limit(MAX_RESULTS).<Resource>map(this::slot).toList());
    }

    @GetMapping("/metadata")
    CapabilityStatement metadata() {
        CapabilityStatement statement = Capabilities.server("scheduling-service",
                "Chronic-migraine treatment visits: appointments and free slots, read only",
                "HTTP Basic or a signed-in session; the SCHEDULER or CLINICIAN role");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        CapabilityStatement.CapabilityStatementRestResourceComponent appointments = rest.addResource()
                .setType("Appointment");
        appointments.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        appointments.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        appointments.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Intake's patient id");
        appointments.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("Days, with eq, ge, gt, le or lt; at most " + MAX_DAYS + " days");
        CapabilityStatement.CapabilityStatementRestResourceComponent slotResource = rest.addResource().setType("Slot");
        slotResource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        slotResource.addSearchParam().setName("schedule").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Schedule/<provider id>");
        slotResource.addSearchParam().setName("start").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("Days, with eq, ge, gt, le or lt; at most " + MAX_DAYS + " days");
        return statement;
    }

    /** booked, arrived, fulfilled (treated), cancelled, noshow: the same words in FHIR. */
    private org.hl7.fhir.r4.model.Appointment appointment(Appointment a, Optional<PatientDirectory.Patient> patient) {
        org.hl7.fhir.r4.model.Appointment resource = new org.hl7.fhir.r4.model.Appointment();
        resource.setId(a.id().toString());
        resource.addIdentifier(new Identifier().setSystem(Identifiers.APPOINTMENT).setValue(a.id().toString()));
        resource.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.fromCode(a.status().name()));
        resource.setDescription("OnabotulinumtoxinA injections, cycle " + a.cycle());
        resource.setStartElement(instant(a.start())).setEndElement(instant(a.end()));
        resource.setMinutesDuration((int) Duration.between(a.start(), a.end()).toMinutes());
        Reference who = new Reference();
        patient.ifPresent(p -> {
            if (p.patientId() != null) {
                who.setIdentifier(new Identifier().setSystem(Identifiers.PATIENT).setValue(p.patientId().toString()));
            }
            who.setDisplay(p.name());
        });
        if (who.isEmpty()) {
            who.setDisplay("Patient of referral " + a.referralId());
        }
        resource.addParticipant().setActor(who)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        Reference provider = new Reference().setIdentifier(new Identifier().setSystem(Identifiers.PROVIDER)
                .setValue(a.providerId()));
        calendar.provider(a.providerId()).ifPresent(p -> provider.setDisplay(p.name()));
        resource.addParticipant().setActor(provider)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        if (a.location() != null) {
            resource.addParticipant().setActor(new Reference().setDisplay(a.location()))
                    .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        }
        return resource;
    }

    private org.hl7.fhir.r4.model.Slot slot(Slot slot) {
        org.hl7.fhir.r4.model.Slot resource = new org.hl7.fhir.r4.model.Slot();
        resource.setId(slot.providerId() + "-" + slot.start().toInstant().getEpochSecond());
        resource.setSchedule(new Reference("Schedule/" + slot.providerId()));
        resource.setStatus(org.hl7.fhir.r4.model.Slot.SlotStatus.FREE);
        resource.setStartElement(instant(slot.start().toInstant())).setEndElement(instant(slot.end().toInstant()));
        resource.setComment(slot.location());
        return resource;
    }

    /** An instant written with the clinic's offset on that day (2026-12-07T09:30:00-08:00). */
    private InstantType instant(Instant at) {
        return new InstantType(Date.from(at), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(calendar.zone()));
    }

    private static Bundle searchSet(List<Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(resources.size());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/").toUriString();
        resources.forEach(r -> bundle.addEntry().setFullUrl(base + r.fhirType() + "/" + r.getIdElement().getIdPart())
                .setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return bundle;
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Days from FHIR date parameters (eq, ge, gt, le, lt, at day precision) as instants in the clinic's zone;
     * without any, from today for 30 days.
     */
    record Range(Instant from, Instant to) {

        boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        static Range of(List<String> values, ZoneId zone, LocalDate today) {
            LocalDate first = null;
            LocalDate afterLast = null;
            for (String value : values == null ? List.<String>of() : values) {
                boolean prefixed = value.length() > 2 && Character.isLetter(value.charAt(0));
                String prefix = prefixed ? value.substring(0, 2) : "eq";
                LocalDate day = day(prefixed ? value.substring(2) : value);
                switch (prefix) {
                    case "eq" -> {
                        first = later(first, day);
                        afterLast = earlier(afterLast, day.plusDays(1));
                    }
                    case "ge" -> first = later(first, day);
                    case "gt" -> first = later(first, day.plusDays(1));
                    case "le" -> afterLast = earlier(afterLast, day.plusDays(1));
                    case "lt" -> afterLast = earlier(afterLast, day);
                    default -> throw FhirProblem.badRequest(FhirProblem.Issue.invalid("date",
                            "Unknown prefix '" + prefix + "': eq, ge, gt, le or lt"));
                }
            }
            if (first == null && afterLast == null) {
                first = today;
            }
            if (first == null) {
                first = afterLast.minusDays(30);
            }
            if (afterLast == null) {
                afterLast = first.plusDays(30);
            }
            if (!afterLast.isAfter(first) || afterLast.isAfter(first.plusDays(MAX_DAYS))) {
                throw FhirProblem.badRequest(FhirProblem.Issue.invalid("date", "The dates must span 1 to "
                        + MAX_DAYS + " days"));
            }
            return new Range(first.atStartOfDay(zone).toInstant(), afterLast.atStartOfDay(zone).toInstant());
        }

        private static LocalDate day(String text) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw FhirProblem.badRequest(FhirProblem.Issue.invalid("date", "A day as yyyy-mm-dd, with an "
                        + "optional prefix (ge2026-12-01)"));
            }
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a == null || b.isAfter(a) ? b : a;
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a == null || b.isBefore(a) ? b : a;
        }
    }
}
