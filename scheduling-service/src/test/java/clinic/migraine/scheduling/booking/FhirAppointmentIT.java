package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import clinic.migraine.fhir.R4Validation;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Appointments and free slots as FHIR R4: valid resources, the statuses, searches by patient and day, refusals. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class FhirAppointmentIT {

    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    private static final String SCHEDULER = Api.basic("scheduler", Api.DEMO_PASSWORD);
    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static R4Validation validation;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatientDirectory directory;

    @BeforeAll
    static void validator() {
        validation = new R4Validation(R4);
    }

    @Test
    void anAppointmentIsValidR4WithItsStatusParticipantsAndTheClinicsOffset() throws Exception {
        UUID patient = UUID.randomUUID();
        LocalDate winter = LocalDate.of(2027, 1, 12);
        UUID booked = visit(patient, winter, 10, "booked");
        UUID treated = visit(patient, winter.minusDays(90), 10, "fulfilled");
        UUID missed = visit(UUID.randomUUID(), winter, 11, "noshow");
        UUID cancelled = visit(UUID.randomUUID(), winter, 10, "cancelled");
        UUID arrived = visit(UUID.randomUUID(), winter, 12, "arrived");

        Appointment appointment = read(Appointment.class, "/fhir/Appointment/" + booked, 200);

        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStartElement().getValueAsString()).isEqualTo("2027-01-12T10:00:00-08:00");
        assertThat(appointment.getEndElement().getValueAsString()).isEqualTo("2027-01-12T10:30:00-08:00");
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getDisplay())
                .contains("Quispe, Rosa", "Marina Del Rey");
        assertThat(appointment.getParticipantFirstRep().getActor().getIdentifier().getValue())
                .isEqualTo(patient.toString());
        assertThat(read(Appointment.class, "/fhir/Appointment/" + treated, 200).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(read(Appointment.class, "/fhir/Appointment/" + missed, 200).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.NOSHOW);
        assertThat(read(Appointment.class, "/fhir/Appointment/" + cancelled, 200).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(read(Appointment.class, "/fhir/Appointment/" + arrived, 200).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.ARRIVED);
        read(OperationOutcome.class, "/fhir/Appointment/" + UUID.randomUUID(), 404);
        read(OperationOutcome.class, "/fhir/Appointment/not-an-id", 404);

        Bundle hers = read(Bundle.class, "/fhir/Appointment?patient=Patient/" + patient, 200);
        assertThat(hers.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(treated.toString(), booked.toString());
        Bundle thatDay = read(Bundle.class, "/fhir/Appointment?patient=" + patient + "&date=ge2027-01-12&date=lt2027-01-13",
                200);
        assertThat(thatDay.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(booked.toString());
        Bundle byDay = read(Bundle.class, "/fhir/Appointment?date=2027-01-12", 200);
        assertThat(byDay.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(booked.toString(), missed.toString(), cancelled.toString(), arrived.toString())
                .doesNotContain(treated.toString());
    }

    @Test
    void freeSlotsOfAProvidersScheduleAreValidR4AndABookedSlotIsNotAmongThem() throws Exception {
        LocalDate monday = LocalDate.now(CLINIC).plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Bundle free = read(Bundle.class, "/fhir/Slot?schedule=Schedule/prov-1&start=ge" + monday + "&start=lt"
                + monday.plusDays(1), 200);
        assertThat(free.getEntry()).isNotEmpty();
        Slot first = (Slot) free.getEntryFirstRep().getResource();
        assertThat(first.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(first.getSchedule().getReference()).isEqualTo("Schedule/prov-1");
        assertThat(first.getStartElement().getValueAsString()).startsWith(monday.toString()).endsWith("-08:00");

        visitAt(UUID.randomUUID(), first.getStart().toInstant(), "booked");
        Bundle after = read(Bundle.class, "/fhir/Slot?schedule=prov-1&start=ge" + monday + "&start=lt"
                + monday.plusDays(1), 200);
        assertThat(after.getEntry()).extracting(e -> ((Slot) e.getResource()).getStart())
                .doesNotContain(first.getStart());
    }

    @Test
    void searchesWithoutWhatTheyNeedAreRefusedAsOperationOutcomes() throws Exception {
        read(OperationOutcome.class, "/fhir/Appointment", 400);
        read(OperationOutcome.class, "/fhir/Appointment?patient=someone", 400);
        read(OperationOutcome.class, "/fhir/Appointment?date=ge2026-01-01&date=lt2027-06-01", 400);
        read(OperationOutcome.class, "/fhir/Appointment?date=sa2026-01-01", 400);
        read(OperationOutcome.class, "/fhir/Appointment?date=next-week", 400);
        read(OperationOutcome.class, "/fhir/Slot?start=ge2026-12-01", 400);
        read(OperationOutcome.class, "/fhir/Slot?schedule=Schedule/prov-9", 400);
    }

    @Test
    void theCapabilityStatementIsValidR4AndIntakeStaffCannotReadAppointments() throws Exception {
        CapabilityStatement statement = read(CapabilityStatement.class, "/fhir/metadata", 200);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactlyInAnyOrder("Appointment", "Slot");
        assertThat(mvc.perform(get("/fhir/Appointment?date=2027-01-12")
                .header("Authorization", Api.basic("intake", Api.DEMO_PASSWORD))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private <T extends IBaseResource> T read(Class<T> type, String path, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", SCHEDULER)
                .accept("application/fhir+json")).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        T resource = R4.newJsonParser().parseResource(type, response.getContentAsString());
        List<String> errors = validation.errors(resource);
        assertThat(errors).as(path).isEmpty();
        return resource;
    }

    /** A half-hour visit of prov-1 at that hour, clinic time, that day, its patient named. */
    private UUID visit(UUID patient, LocalDate day, int hour, String status) {
        return visitAt(patient, day.atTime(hour, 0).atZone(CLINIC).toInstant(), status);
    }

    private UUID visitAt(UUID patient, Instant start, String status) {
        UUID id = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                  created_at, updated_at)
                values (:id, :referral, 1, 'prov-1', 'Marina Del Rey', :start, :end, :status, now(), now())
                """).param("id", id).param("referral", referral).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plusSeconds(1800))).param("status", status).update();
        directory.remember(new PatientDirectory.Patient(referral, patient, "Rosa", "Quispe", LocalDate.of(1970, 1, 1),
                "+13105550126"));
        return id;
    }
}
