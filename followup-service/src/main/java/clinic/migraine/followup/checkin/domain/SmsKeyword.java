package clinic.migraine.followup.checkin.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier-standard SMS keywords (CTIA): opt out, opt back in, ask for help; and the clinic's own two answers
 * to a visit message: C to confirm the next visit, R to be called about another time.
 */
public enum SmsKeyword {
    STOP("You will not receive more text messages from the migraine clinic. Reply START to opt back in."),
    START("You will receive text messages from the migraine clinic again. Reply STOP to opt out."),
    HELP("Migraine clinic reminders. Reply C to confirm your visit, R to be called about another time, STOP to opt "
            + "out. For help call the clinic."),
    CONFIRM("Thank you: we have noted that you will come to your visit."),
    CALL_ME("Thank you: the clinic will call you to find another time for your visit."),
    OTHER("This number does not read replies. Please call the clinic.");

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP", "OPTIN");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    private final String reply;

    SmsKeyword(String reply) {
        this.reply = reply;
    }

    public String reply() {
        return reply;
    }

    /** The opt-out this keyword asks for: true to stop texts, false to have them again; none for the others. */
    public Optional<Boolean> optedOut() {
        return switch (this) {
            case STOP -> Optional.of(true);
            case START -> Optional.of(false);
            case HELP, CONFIRM, CALL_ME, OTHER -> Optional.empty();
        };
    }

    public static SmsKeyword of(String body) {
        String word = body == null ? "" : body.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        if (STOP_WORDS.contains(word)) {
            return STOP;
        }
        if (START_WORDS.contains(word)) {
            return START;
        }
        if (HELP_WORDS.contains(word)) {
            return HELP;
        }
        if (word.equals("C")) {
            return CONFIRM;
        }
        if (word.equals("R")) {
            return CALL_ME;
        }
        return OTHER;
    }
}
