package clinic.migraine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

class InvitationsTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final UUID APPOINTMENT = UUID.fromString("8a1f6c3e-2b4d-4e5f-9a0b-1c2d3e4f5a6b");
    private static final Instant STAMP = Instant.parse("2026-11-20T17:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T17:30:00Z");

    private final Invitations invitations = new Invitations("appointments@migraine-clinic.test", "Migraine clinic",
            "migraine-clinic");

    private static CalendarVisit visit(int sequence, String attendee, boolean cancelled) {
        return new CalendarVisit(APPOINTMENT, sequence, 2, START, START.plusSeconds(1800), LOS_ANGELES,
                "Rivera, Elena; MD", "Suite 4; 4640 Admiralty Way, Marina del Rey, CA 90292 (second floor, the door"
                        + " opposite the lifts)", attendee, cancelled);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aBookedVisitIsARequestToThePatientFromTheClinicThatParsesAndValidates() throws Exception {
        String ics = invitations.write(visit(0, "ana.lopez@example.org", false), STAMP).text();

        Calendar calendar = parse(ics);
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.getEntries().toString()).isFalse();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(invitations.write(visit(0, "ana.lopez@example.org", false), STAMP).contentType())
                .isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo(APPOINTMENT + "@migraine-clinic");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:appointments@migraine-clinic.test");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Migraine clinic");
        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:ana.lopez@example.org");
    }

    @Test
    void timesAreWrittenInTheClinicsZoneWithItsTimezoneDefinition() throws Exception {
        String ics = invitations.write(visit(0, "ana.lopez@example.org", false), STAMP).text();

        assertThat(ics).contains("DTSTART;TZID=America/Los_Angeles:20261201T093000")
                .contains("DTEND;TZID=America/Los_Angeles:20261201T100000");
        VTimeZone zone = parse(ics).<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("America/Los_Angeles");
        assertThat(zone.getObservances()).isNotEmpty();
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedAndReadBackWhole() throws Exception {
        String ics = invitations.write(visit(0, "ana.lopez@example.org", false), STAMP).text();

        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("LOCATION:Suite 4\\; 4640 Admiralty Way\\, Marina del Rey\\, CA 90292 (second");
        assertThat(unfolded).contains("DESCRIPTION:Injection visit with Rivera\\, Elena\\; MD.\\nPlease arrive 10 minutes"
                + " early.\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(75));
        assertThat(ics).contains("\r\n ");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        VEvent event = parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.LOCATION)).isEqualTo(visit(0, null, false).location());
        assertThat(value(event, Property.DESCRIPTION))
                .isEqualTo("Injection visit with Rivera, Elena; MD.\nPlease arrive 10 minutes early.");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Botox treatment for migraine, cycle 2");
    }

    @Test
    void aMovedVisitKeepsItsUidAndCarriesItsSequence() throws Exception {
        VEvent first = parse(invitations.write(visit(0, "ana.lopez@example.org", false), STAMP).text())
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();
        VEvent moved = parse(invitations.write(visit(2, "ana.lopez@example.org", false), STAMP).text())
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();

        assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("2");
    }

    @Test
    void aCancelledVisitIsACancelWithTheSameUidThatValidates() throws Exception {
        Calendar calendar = parse(invitations.write(visit(3, "ana.lopez@example.org", true), STAMP).text());

        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.getEntries().toString()).isFalse();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo(APPOINTMENT + "@migraine-clinic");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:ana.lopez@example.org");
    }

    @Test
    void withoutThePatientsAddressItIsPublishedWithoutAnAttendee() throws Exception {
        Calendar booked = parse(invitations.write(visit(1, null, false), STAMP).text());
        Calendar cancelled = parse(invitations.write(visit(2, " ", true), STAMP).text());

        for (Calendar calendar : java.util.List.of(booked, cancelled)) {
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors()).as(result.getEntries().toString()).isFalse();
            assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
            VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
            assertThat(event.getProperty(Property.ATTENDEE)).isEmpty();
            assertThat(event.getProperty(Property.ORGANIZER)).isPresent();
        }
        assertThat(value(cancelled.<VEvent>getComponent(Component.VEVENT).orElseThrow(), Property.STATUS))
                .isEqualTo("CANCELLED");
    }

    @Test
    void anOrganizerThatIsNoAddressStopsTheServiceAtStart() {
        assertThatThrownBy(() -> new Invitations("the clinic", "Migraine clinic", "migraine-clinic"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clinic.calendar.organizer-email");
    }
}
