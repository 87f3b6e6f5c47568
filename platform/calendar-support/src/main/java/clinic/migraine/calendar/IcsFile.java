package clinic.migraine.calendar;

/**
 * An iCalendar object as written, with its iTIP method, which a mail attachment's content type repeats (RFC 6047)
 * so mail clients offer it as an invitation, an update or a cancellation.
 */
public record IcsFile(String method, String text) {

    public String contentType() {
        return "text/calendar; charset=UTF-8; method=" + method;
    }
}
