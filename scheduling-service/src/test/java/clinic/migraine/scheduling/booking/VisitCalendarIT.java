package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.EventTopic;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The .ics download as a patient's calendar reads it, on a real broker, registry and Postgres: one entry per visit
 * (one UID) whose SEQUENCE grows with every move, removed by a CANCEL once the visit is off, and the same sequence
 * on the events follow-up mails from.
 */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class VisitCalendarIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventTopics topics;
    @Autowired
    PatientDirectory directory;

    /** One version of the entry as a calendar keeps it. */
    record Entry(String method, String uid, int sequence, String status, String attendee, String start) {
    }

    @Test
    void aVisitBookedMovedTwiceAndCancelledIsOneEntryInThePatientsCalendarThatMovesAndGoes() throws Exception {
        UUID referral = UUID.randomUUID();
        directory.remember(new PatientDirectory.Patient(referral, UUID.randomUUID(), "Ana", "Lopez",
                LocalDate.of(1984, 5, 17), "+13105550142", "ana.lopez@example.org"));
        UUID appointment = book(referral, 20);
        Entry booked = entry(appointment);
        reschedule(appointment, freeSlot(24));
        Entry movedOnce = entry(appointment);
        reschedule(appointment, freeSlot(28));
        Entry movedTwice = entry(appointment);
        mvc.perform(post("/api/appointments/" + appointment + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Moving away\",\"by\":\"PATIENT\"}")).andExpect(status().isOk());
        Entry cancelled = entry(appointment);

        assertThat(List.of(booked, movedOnce, movedTwice, cancelled)).extracting(Entry::uid).containsOnly(
                appointment + "@migraine-clinic");
        assertThat(List.of(booked, movedOnce, movedTwice)).extracting(Entry::method, Entry::sequence, Entry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REQUEST", 0, "CONFIRMED"),
                        org.assertj.core.groups.Tuple.tuple("REQUEST", 1, "CONFIRMED"),
                        org.assertj.core.groups.Tuple.tuple("REQUEST", 2, "CONFIRMED"));
        assertThat(List.of(booked.start(), movedOnce.start(), movedTwice.start())).doesNotHaveDuplicates();
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.sequence()).isEqualTo(3);
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(List.of(booked, cancelled)).extracting(Entry::attendee).containsOnly("mailto:ana.lopez@example.org");

        assertThat(topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0).getSequence()).isZero();
        assertThat(topics.await(EventTopic.APPOINTMENT_RESCHEDULED.topicName(), AppointmentRescheduled.class,
                e -> e.getAppointmentId().equals(appointment), 2, WAIT)).extracting(AppointmentRescheduled::getSequence)
                .containsExactly(1, 2);
        assertThat(topics.await(EventTopic.APPOINTMENT_CANCELLED.topicName(), AppointmentCancelled.class,
                e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0).getSequence()).isEqualTo(3);
    }

    @Test
    void aMissedVisitIsRemovedFromTheCalendarToo() throws Exception {
        UUID referral = UUID.randomUUID();
        directory.remember(new PatientDirectory.Patient(referral, UUID.randomUUID(), "Ben", "Okoro",
                LocalDate.of(1990, 1, 9), null, "ben.okoro@example.org"));
        UUID appointment = book(referral, 32);

        mvc.perform(post("/api/appointments/" + appointment + "/no-show")).andExpect(status().isOk());

        Entry missed = entry(appointment);
        assertThat(missed.method()).isEqualTo("CANCEL");
        assertThat(missed.sequence()).isEqualTo(1);
        assertThat(missed.uid()).isEqualTo(appointment + "@migraine-clinic");
        assertThat(topics.await(EventTopic.APPOINTMENT_NO_SHOW.topicName(), AppointmentNoShow.class,
                e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0).getSequence()).isEqualTo(1);
    }

    @Test
    void withoutThePatientsEmailTheEntryIsPublishedWithNoAttendee() throws Exception {
        UUID appointment = book(UUID.randomUUID(), 36);

        Entry entry = entry(appointment);

        assertThat(entry.method()).isEqualTo("PUBLISH");
        assertThat(entry.attendee()).isNull();
        assertThat(entry.sequence()).isZero();
    }

    /** GET the .ics, parse it as a calendar would and check it against RFC 5545 and RFC 5546. */
    private Entry entry(UUID appointment) throws Exception {
        String ics = mvc.perform(get("/api/appointments/" + appointment + ".ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar")).andReturn().getResponse()
                .getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.getEntries().toString()).isFalse();
        assertThat(calendar.getComponent(Component.VTIMEZONE)).isPresent();
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.getProperty(Property.ORGANIZER)).isPresent();
        return new Entry(calendar.getProperty(Property.METHOD).orElseThrow().getValue(), value(event, Property.UID),
                Integer.parseInt(value(event, Property.SEQUENCE)), value(event, Property.STATUS),
                value(event, Property.ATTENDEE), value(event, Property.DTSTART));
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private UUID book(UUID referral, int daysAhead) throws Exception {
        String body = "{\"referralId\":\"" + referral + "\",\"cycle\":1,\"start\":\"" + freeSlot(daysAhead)
                + "\",\"providerId\":\"prov-1\"}";
        String answer = mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    private void reschedule(UUID appointment, String start) throws Exception {
        mvc.perform(post("/api/appointments/" + appointment + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .content("{\"start\":\"" + start + "\"}")).andExpect(status().isOk());
    }

    private String freeSlot(int daysAhead) throws Exception {
        String slots = mvc.perform(get("/api/slots").param("from", LocalDate.now(CLINIC).plusDays(daysAhead).toString())
                .param("to", LocalDate.now(CLINIC).plusDays(daysAhead + 7).toString()).param("providerId", "prov-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(slots, "$[0].start");
    }
}
