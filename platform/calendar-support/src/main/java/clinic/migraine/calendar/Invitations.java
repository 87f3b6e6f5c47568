package clinic.migraine.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes a visit as the iCalendar object a patient's calendar keeps one entry for: UID
 * {@code <appointment id>@<domain>} in every version, SEQUENCE as scheduling counts it, times in the clinic's zone
 * with its VTIMEZONE, the clinic as ORGANIZER. ical4j escapes the text and folds lines longer than 75 octets.
 *
 * <p>With the patient's address it is an iTIP message (RFC 5546): REQUEST while the visit stands, CANCEL once it
 * is cancelled or missed, the patient as ATTENDEE. Without one (an address is never made up) it is PUBLISH, which
 * needs no attendee, STATUS:CANCELLED telling the calendar the visit is off.
 */
public final class Invitations {

    static final String PRODUCT = "-//Migraine clinic//Visits//EN";

    private final String organizerEmail;
    private final String organizerName;
    private final String uidDomain;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public Invitations(String organizerEmail, String organizerName, String uidDomain) {
        if (organizerEmail == null || !organizerEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("clinic.calendar.organizer-email must be an email address");
        }
        this.organizerEmail = organizerEmail;
        this.organizerName = Objects.requireNonNull(organizerName, "organizerName");
        this.uidDomain = Objects.requireNonNull(uidDomain, "uidDomain");
    }

    /** The UID every version of this visit's entry carries. */
    public String uid(java.util.UUID appointmentId) {
        return appointmentId + "@" + uidDomain;
    }

    /** The visit as an .ics file (CRLF lines, UTF-8 text), stamped {@code stamp}. */
    public IcsFile write(CalendarVisit visit, Instant stamp) {
        boolean invitation = visit.attendeeEmail() != null && !visit.attendeeEmail().isBlank();
        Method method = !invitation ? ImmutableMethod.PUBLISH
                : visit.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
        TimeZone zone = zones.getTimeZone(visit.zone().getId());
        if (zone == null) {
            throw new IllegalArgumentException("No time-zone definition for " + visit.zone());
        }
        Calendar calendar = new Calendar(
                new PropertyList(List.of(new ProdId(PRODUCT), ImmutableVersion.VERSION_2_0,
                        ImmutableCalScale.GREGORIAN, method)),
                new ComponentList<CalendarComponent>(List.of(zone.getVTimeZone(),
                        event(visit, invitation, stamp))));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The visit's calendar entry is not valid iCalendar", e);
        }
        return new IcsFile(method.getValue(), out.toString());
    }

    private VEvent event(CalendarVisit visit, boolean invitation, Instant stamp) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Uid(uid(visit.appointmentId())));
        properties.add(new DtStamp(stamp));
        properties.add(new Sequence(visit.sequence()));
        properties.add(new DtStart<>(ZonedDateTime.ofInstant(visit.start(), visit.zone())));
        properties.add(new DtEnd<>(ZonedDateTime.ofInstant(visit.end(), visit.zone())));
        properties.add(new Summary(visit.summary()));
        if (visit.location() != null && !visit.location().isBlank()) {
            properties.add(new Location(visit.location()));
        }
        if (visit.description() != null && !visit.description().isBlank()) {
            properties.add(new Description(visit.description()));
        }
        properties.add(new Organizer(new ParameterList(List.of(new Cn(organizerName))),
                mailto(organizerEmail)));
        if (invitation) {
            properties.add(new Attendee(new ParameterList(List.<Parameter>of(CuType.INDIVIDUAL, Role.REQ_PARTICIPANT,
                    PartStat.NEEDS_ACTION, Rsvp.FALSE)), mailto(visit.attendeeEmail().strip())));
        }
        properties.add(visit.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        properties.add(ImmutableTransp.OPAQUE);
        return new VEvent(new PropertyList(properties));
    }

    /** Quotes what a URI may not hold as it is, rather than refusing an unusual but valid address. */
    private static URI mailto(String address) {
        try {
            return new URI("mailto", address, null);
        } catch (URISyntaxException e) {
            // the message would quote the address: patient data stays out of logs
            throw new IllegalArgumentException("Not an address a calendar can hold");
        }
    }
}
