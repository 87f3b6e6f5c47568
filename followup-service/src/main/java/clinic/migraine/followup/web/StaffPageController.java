package clinic.migraine.followup.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.UrgentAlerts;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.followup.checkin.domain.AlertAlreadyHandled;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.NotAnAlert;
import clinic.migraine.followup.checkin.domain.SideEffect;
import clinic.migraine.followup.plan.application.MessageLog;
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.MessageKind;
import clinic.migraine.kit.patients.PatientDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: the messages of a referral (or the latest of all), its answers, the urgent alerts and the
 * clinicians' tasks.
 */
@Controller
class StaffPageController {

    static final int LATEST = 50;

    /** What each message kind means to staff. */
    static final Map<MessageKind, String> KINDS = Map.ofEntries(
            Map.entry(MessageKind.CONFIRMATION, "Booking confirmation"),
            Map.entry(MessageKind.REMINDER, "Visit reminder"),
            Map.entry(MessageKind.RESCHEDULE_NOTICE, "Visit moved"),
            Map.entry(MessageKind.CANCELLATION_NOTICE, "Visit cancelled"),
            Map.entry(MessageKind.CHECK_IN, "Check-in after the injections"),
            Map.entry(MessageKind.DIARY_REQUEST, "Headache diary request"),
            Map.entry(MessageKind.URGENT_ADVICE, "Urgent advice to the patient"),
            Map.entry(MessageKind.URGENT_ALERT, "Urgent alert to the clinic"),
            Map.entry(MessageKind.COURSE_ENDED, "Treatment course ended"),
            Map.entry(MessageKind.ALERT_ESCALATION, "Escalation to the on-call staff"),
            Map.entry(MessageKind.AFTERCARE, "Aftercare advice on the day of treatment"),
            Map.entry(MessageKind.SLOT_OFFER, "An earlier visit offered"));

    static final Map<Channel, String> CHANNELS = Map.of(Channel.EMAIL, "Email", Channel.SMS, "Text message");

    static final Map<SideEffect, String> SIDE_EFFECTS = Map.ofEntries(
            Map.entry(SideEffect.NECK_PAIN_OR_STIFFNESS, "Neck pain or stiffness"),
            Map.entry(SideEffect.INJECTION_SITE_PAIN, "Pain at the injection sites"),
            Map.entry(SideEffect.DROOPING_EYELID, "Drooping eyelid"),
            Map.entry(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING, "Trouble swallowing, speaking or breathing"),
            Map.entry(SideEffect.HEADACHE, "Headache after the injections"),
            Map.entry(SideEffect.DOUBLE_OR_BLURRED_VISION, "Double or blurred vision"),
            Map.entry(SideEffect.GENERALIZED_MUSCLE_WEAKNESS, "Weakness all over the body"),
            Map.entry(SideEffect.VOICE_CHANGE_OR_HOARSENESS, "Voice changed or hoarse"),
            Map.entry(SideEffect.NECK_WEAKNESS, "Neck too weak to hold the head up"),
            Map.entry(SideEffect.OTHER, "Other"));

    static final Map<Feeling, String> FEELINGS = Map.of(Feeling.BETTER, "Better", Feeling.SAME, "About the same",
            Feeling.WORSE, "Worse");

    private final MessageLog log;
    private final UrgentAlerts alerts;
    private final Clock clock;
    private final PatientDirectory directory;

    StaffPageController(MessageLog log, UrgentAlerts alerts, Clock clock, PatientDirectory directory) {
        this.log = log;
        this.alerts = alerts;
        this.clock = clock;
        this.directory = directory;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/messages";
    }

    @GetMapping("/messages")
    String messages(@RequestParam(name = "referral", required = false) String referral, Model model) {
        labels(model);
        model.addAttribute("referral", referral == null ? "" : referral.strip());
        Optional<UUID> referralId = referralId(referral);
        if (referral == null || referral.isBlank()) {
            model.addAttribute("messages", log.newest(LATEST));
            return "followup/messages";
        }
        if (referralId.isEmpty()) {
            // a name or a date of birth: the patients it finds, each a link to their messages
            List<PatientDirectory.Patient> found = directory.search(referral, LATEST);
            model.addAttribute("found", found);
            if (found.isEmpty()) {
                model.addAttribute("searchProblem", "No patient matches. Search by last or first name, date of birth "
                        + "(1984-03-09) or referral id.");
            }
            model.addAttribute("messages", log.newest(LATEST));
            return "followup/messages";
        }
        model.addAttribute("referralId", referralId.get());
        model.addAttribute("contact", log.contact(referralId.get()).orElse(null));
        model.addAttribute("messages", log.ofReferral(referralId.get()));
        model.addAttribute("answers", alerts.answersOf(referralId.get()));
        return "followup/messages";
    }

    @GetMapping("/alerts")
    String alerts(Model model) {
        labels(model);
        model.addAttribute("alerts", alertViews());
        return "followup/alerts";
    }

    /** The table alone, refreshed in place while the page is open. */
    @GetMapping("/alerts/table")
    String alertsTable(Model model) {
        labels(model);
        model.addAttribute("alerts", alertViews());
        return "followup/alerts :: table";
    }

    private List<AlertView> alertViews() {
        Instant now = clock.instant();
        return alerts.newest().stream().map(a -> AlertView.of(a, alerts.escalationsSent(a.id()), now)).toList();
    }

    @GetMapping("/tasks")
    String tasks(Model model) {
        labels(model);
        model.addAttribute("tasks", alerts.tasks());
        return "followup/tasks";
    }

    @PostMapping("/tasks/{id}/done")
    String taskDone(@PathVariable UUID id, RedirectAttributes redirect) {
        UrgentAlerts.Handling handling = alerts.markDone(id);
        redirect.addFlashAttribute("outcome", handling.name());
        return "redirect:/tasks";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return alertOutcome(() -> alerts.acknowledge(id), "ACKNOWLEDGED", redirect);
    }

    @PostMapping("/alerts/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(name = "note", required = false) String note,
            RedirectAttributes redirect) {
        return alertOutcome(() -> alerts.close(id, note), "CLOSED", redirect);
    }

    /** The outcome shown on the alerts page after a clinician acted on one. */
    private static String alertOutcome(Runnable act, String done, RedirectAttributes redirect) {
        String outcome;
        try {
            act.run();
            outcome = done;
        } catch (NotAnAlert e) {
            outcome = "NOT_FOUND";
        } catch (AlertAlreadyHandled e) {
            outcome = "ALREADY_" + done;
        } catch (RuleBroken e) {
            outcome = "NOTE_MISSING";
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/alerts";
    }

    private static void labels(Model model) {
        model.addAttribute("kinds", KINDS);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("sideEffects", SIDE_EFFECTS);
        model.addAttribute("feelings", FEELINGS);
    }

    private static Optional<UUID> referralId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
