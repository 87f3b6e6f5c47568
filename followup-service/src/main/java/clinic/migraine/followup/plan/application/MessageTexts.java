package clinic.migraine.followup.plan.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

import clinic.migraine.followup.plan.domain.CourseEndReason;
import clinic.migraine.followup.plan.domain.MessageKind;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of each message, as plain text and HTML. Patients' names are never known here, so greetings are
 * neutral. Times are shown in the patient's own zone.
 */
public final class MessageTexts {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a",
            Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter OTHER_DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM, h:mm a", Locale.US);

    /** How the patient reaches the clinic: in every message to them. */
    public record Clinic(String phone, String address) {
    }

    public record Text(String subject, String body) {

        /** "Hello Ana," rather than "Hello," once the patient's first name is known. */
        public Text greeting(String firstName) {
            if (firstName == null || firstName.isBlank() || !body.startsWith("Hello,")) {
                return this;
            }
            return new Text(subject, "Hello " + firstName.strip() + "," + body.substring("Hello,".length()));
        }

        /** The clinic's address and phone at the end, as every message to a patient carries them. */
        public Text signedBy(Clinic clinic) {
            return new Text(subject, body + "\n\nMigraine clinic, " + clinic.address() + ". Phone " + clinic.phone()
                    + ".");
        }

        public String html(String unsubscribeUrl) {
            StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;"
                    + "max-width:36em\"><p>");
            html.append(HtmlUtils.htmlEscape(body).replace("\n\n", "</p><p>").replace("\n", "<br>"));
            html.append("</p>");
            if (unsubscribeUrl != null) {
                html.append("<p style=\"font-size:small;color:#555\"><a href=\"").append(HtmlUtils.htmlEscape(unsubscribeUrl))
                        .append("\">Stop these emails</a></p>");
            }
            return html.append("</body></html>").toString();
        }

        public String text(String unsubscribeUrl) {
            return unsubscribeUrl == null ? body : body + "\n\n--\nStop these emails: " + unsubscribeUrl;
        }
    }

    private MessageTexts() {
    }

    /** The end of the course, naming each reason the clinician confirmed. */
    public static Text courseEnded(Set<CourseEndReason> reasons) {
        Set<CourseEndReason> told = reasons.isEmpty() ? Set.of(CourseEndReason.CLINICIAN_DECISION) : reasons;
        String because = String.join("; and ", told.stream().sorted().map(CourseEndReason::told).toList());
        return new Text("Your treatment course", "Hello,\n\nyour Botox treatment course for chronic migraine ends "
                + "here: " + because + ".\n\nPlease see your doctor about other options.");
    }

    /**
     * When a visit is, as the patient must read it: the time where the visit happens, named by its zone, with the
     * patient's own time in brackets when it reads differently there ("Tuesday 22 December 2026 at 3:00 PM Pacific
     * Time (6:00 PM your time)"). Each side follows its own daylight-saving rules.
     */
    public static String when(Instant start, ZoneId clinicZone, ZoneId patientZone) {
        ZonedDateTime atClinic = start.atZone(clinicZone);
        ZonedDateTime atPatient = start.atZone(patientZone);
        String when = DAY_AND_TIME.format(atClinic) + " " + clinicZone.getDisplayName(TextStyle.FULL, Locale.US);
        if (atClinic.toLocalDateTime().equals(atPatient.toLocalDateTime())) {
            return when;
        }
        DateTimeFormatter yours = atClinic.toLocalDate().equals(atPatient.toLocalDate()) ? TIME : OTHER_DAY_TIME;
        return when + " (" + yours.format(atPatient) + " your time)";
    }

    /** The aftercare advice on the day of treatment: what is common, which signs need a call at once. */
    public static Text aftercare() {
        return new Text("After your injections today",
                "Hello,\n\nin the days after your Botox injections, neck pain or stiffness, pain where the injections "
                        + "were given and a headache are common and pass; an ice pack wrapped in a cloth helps.\n\n"
                        + "Call 911 or go to an emergency department at once if you have trouble swallowing, speaking "
                        + "or breathing, double or blurred vision, weakness all over your body, or a changed or hoarse "
                        + "voice: these can mean the medicine has spread. They can come hours to weeks after the "
                        + "injections. Then call the clinic.\n\nIf an eyelid droops, please call the clinic.");
    }

    /**
     * A missed visit is not a cancelled one: the patient is told they were missed and how a new date comes (the
     * clinic books it again by itself, or the schedulers call after a second one).
     */
    public static Text missedVisit(String when) {
        return new Text("We missed you at your treatment visit",
                "Hello,\n\nwe missed you at your treatment visit on " + when + ". If the clinic has booked a new "
                        + "visit for you, its confirmation follows; otherwise we will call you about a new date. If you "
                        + "cannot keep a visit, please call us on the number below.");
    }

    /** An earlier slot offered: first come, first served; doing nothing keeps the visit as it is. */
    public static Text slotOffer(String when, String location, String link) {
        return new Text("An earlier treatment visit is free",
                "Hello,\n\nan earlier treatment visit has become free: " + when + " at " + location + ". It goes "
                        + "to the first patient who takes it: " + link + "\n\nIf you do nothing, your visit stays as "
                        + "it is.");
    }

    /** The patient's own link to the visit, when scheduling sent one. */
    private static String manage(String link) {
        return link == null ? "" : "\n\nTo confirm that you will come, cancel, or choose another time: " + link;
    }

    public static Text of(MessageKind kind, String when, String location, String provider, String link) {
        return switch (kind) {
            case CONFIRMATION -> new Text("Your migraine treatment visit is booked",
                    "Hello,\n\nyour Botox treatment visit for chronic migraine is booked for " + when + " at " + location
                            + (provider == null ? "" : " with " + provider) + ".\n\nThe visit takes about 30 minutes. "
                            + "The invitation is attached for your calendar." + manage(link)
                            + "\n\nIf you cannot come, please call us on the number below.");
            case REMINDER -> new Text("Reminder: your treatment visit on " + when,
                    "Hello,\n\na reminder of your treatment visit on " + when + " at " + location + "."
                            + manage(link));
            case RESCHEDULE_NOTICE -> new Text("Your treatment visit has moved",
                    "Hello,\n\nyour treatment visit has moved to " + when + " at " + location
                            + ". The updated invitation is attached." + manage(link));
            case CANCELLATION_NOTICE -> new Text("Your treatment visit is cancelled",
                    "Hello,\n\nyour treatment visit on " + when + " is cancelled. We will be in touch about a new date.");
            case CHECK_IN -> new Text("How are you after your injections?",
                    "Hello,\n\ntwo weeks ago you had your Botox injections. Please tell us how you are: " + link
                            + "\n\nNeck pain or stiffness is common and passes; ice packs help. If you have trouble "
                            + "swallowing, speaking or breathing, double or blurred vision, weakness all over your body "
                            + "or a changed voice, seek care at once.");
            case DIARY_REQUEST -> new Text("Your headache diary",
                    "Hello,\n\nplease tell us on how many days you had a headache in the last 30 days: " + link);
            case URGENT_ADVICE -> new Text("Please seek medical care now",
                    "Hello,\n\nyou told us of a sign that the medicine may have spread beyond the injection sites "
                            + "(trouble swallowing, speaking or breathing, double or blurred vision, weakness all over "
                            + "your body, or a changed voice). Please seek medical care now (call 911 in an "
                            + "emergency). The clinic has been told.");
            case URGENT_ALERT -> new Text("URGENT: possible toxin spread reported",
                    "A patient reported a sign of possible toxin spread after treatment (trouble swallowing, speaking "
                            + "or breathing, double or blurred vision, generalised weakness or voice change). Referral "
                            + link
                            + ". Contact the patient now.");
            case COURSE_ENDED -> courseEnded(Set.of(CourseEndReason.CLINICIAN_DECISION));
            case AFTERCARE -> aftercare();
            case ALERT_ESCALATION -> new Text("URGENT, NOT ACKNOWLEDGED: possible toxin spread reported",
                    "Nobody has acknowledged an urgent alert yet: a patient reported a sign of possible toxin spread "
                            + "after treatment. Referral " + link + ". Open the urgent alerts page, acknowledge the "
                            + "alert and contact the patient now.");
            // the offer's own time and link come from the offer, not from the visit: see slotOffer
            case SLOT_OFFER -> slotOffer(when, location, link);
        };
    }
}
