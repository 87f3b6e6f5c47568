package clinic.migraine.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.scheduling.*}: the clinic's calendar and booking rules.
 *
 * @param leadBusinessDays a first visit is booked no sooner than this many business days ahead
 * @param minimumInterval the shortest time between two treatments (84 days)
 * @param preferredWindow how long after the minimum interval a later cycle is preferably booked (14 days)
 * @param maxConsecutiveNoShows after this many no-shows in a row the schedulers rebook by hand
 * @param fillCancellations offer a slot freed within {@code fillCancellationsWithin} to the patient booked latest
 * @param stream how long the live feed's streams last, how often they beat, how many an account may hold
 * @param visitLinks the keys of the patients' own links to their visit
 * @param recordTreatmentWithin how far from a visit's start the time a treatment was given may be (12 hours; the
 *        whole-system tests, which treat visits booked weeks ahead at once, widen it)
 */
@ConfigurationProperties("clinic.scheduling")
public record SchedulingProperties(
        @DefaultValue("America/Los_Angeles") ZoneId timeZone,
        @DefaultValue("30m") Duration visitLength,
        @DefaultValue("182d") Duration horizon,
        @DefaultValue("2") int leadBusinessDays,
        @DefaultValue("84d") Duration minimumInterval,
        @DefaultValue("14d") Duration preferredWindow,
        @DefaultValue("true") boolean rebookNoShows,
        @DefaultValue("2") int maxConsecutiveNoShows,
        @DefaultValue("true") boolean fillCancellations,
        @DefaultValue("14d") Duration fillCancellationsWithin,
        @DefaultValue("12h") Duration recordTreatmentWithin,
        @DefaultValue Stream stream,
        @DefaultValue VisitLinkKeys visitLinks,
        List<ProviderHours> providers) {

    /**
     * The schedulers' live feed.
     *
     * @param timeout a stream ends after this; the page reconnects with Last-Event-ID
     * @param heartbeat a comment this often keeps an idle stream open through proxies and finds dead ones
     * @param perAccount opening one more than this ends the account's oldest
     */
    /**
     * The keys that sign patients' own links to their visit: {@code keyId} signs new links, every key in {@code keys}
     * (id → secret) still verifies the links already sent. The local profile sets a demo key; anywhere else the
     * service refuses to start without its own (at least 32 characters).
     */
    /** The local profile's key: known to everyone who has this code, refused anywhere else. */
    public static final String LOCAL_VISIT_LINK_KEY = "local-visit-link-key-not-for-any-real-clinic";

    public record VisitLinkKeys(@DefaultValue("1") int keyId, Map<Integer, String> keys) {
    }

    public record Stream(@DefaultValue("30m") Duration timeout, @DefaultValue("25s") Duration heartbeat,
            @DefaultValue("5") int perAccount) {
    }

    public record ProviderHours(String id, String name, @DefaultValue("Marina Del Rey") String location,
            Map<DayOfWeek, List<String>> hours) {
    }

    public BookingRules bookingRules() {
        return new BookingRules(timeZone, leadBusinessDays, minimumInterval, preferredWindow, horizon, rebookNoShows,
                maxConsecutiveNoShows, fillCancellations, fillCancellationsWithin, recordTreatmentWithin);
    }

    public ClinicCalendar calendar() {
        return new ClinicCalendar(timeZone, visitLength, providers.stream().map(p -> new ClinicCalendar.Provider(
                p.id(), p.name(), p.location(), week(p.hours()))).toList());
    }

    /** "08:00-12:00" intervals; a lunch break is the gap between two of them. */
    private static Map<DayOfWeek, List<ClinicCalendar.Hours>> week(Map<DayOfWeek, List<String>> hours) {
        Map<DayOfWeek, List<ClinicCalendar.Hours>> week = new java.util.EnumMap<>(DayOfWeek.class);
        hours.forEach((day, ranges) -> week.put(day, ranges.stream().map(range -> {
            String[] parts = range.split("-");
            return new ClinicCalendar.Hours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }).toList()));
        return week;
    }
}
