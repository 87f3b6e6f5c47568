package clinic.migraine.followup.checkin.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import clinic.migraine.followup.FollowupProperties;
import clinic.migraine.followup.checkin.application.CheckIns;
import clinic.migraine.followup.checkin.application.LinkTokens.Purpose;
import clinic.migraine.followup.checkin.application.OptOuts;
import clinic.migraine.followup.checkin.application.PatientLinks;
import clinic.migraine.followup.checkin.domain.AlreadyAnswered;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.AnswerKind;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.Reply;
import clinic.migraine.followup.checkin.domain.SideEffect;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages patients open from a link in a message, without an account: the check-in two weeks after the
 * injections, the headache diary, and unsubscribing from email. A link that was tampered with, is for something
 * else or has expired gets a plain page (404 or 410) with the clinic's number. A used link shows what was
 * answered, and nothing is recorded twice.
 */
@Controller
class PatientPageController {

    private final PatientLinks links;
    private final CheckIns checkIns;
    private final OptOuts optOuts;
    private final FollowupProperties properties;

    PatientPageController(PatientLinks links, CheckIns checkIns, OptOuts optOuts, FollowupProperties properties) {
        this.links = links;
        this.checkIns = checkIns;
        this.optOuts = optOuts;
        this.properties = properties;
    }

    @ModelAttribute
    void clinic(Model model) {
        model.addAttribute("clinicPhone", properties.clinicPhone());
        model.addAttribute("clinicPhoneHref", "tel:" + properties.clinicPhone().replaceAll("[^+0-9]", ""));
    }

    @GetMapping("/checkins/{token}")
    String checkIn(@PathVariable String token, Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.CHECK_IN);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        var answered = checkIns.answered(opened.target());
        if (answered.isPresent()) {
            return alreadyAnswered(answered.get(), model);
        }
        model.addAttribute("form", new CheckInForm());
        return checkInForm(token, model, Map.of());
    }

    @PostMapping("/checkins/{token}")
    String answerCheckIn(@PathVariable String token, @ModelAttribute("form") CheckInForm form, BindingResult binding,
            Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.CHECK_IN);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        Map<String, String> problems = form.problems(binding);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return checkInForm(token, model, problems);
        }
        Set<SideEffect> effects = form.getSideEffects().isEmpty() ? Set.of() : EnumSet.copyOf(form.getSideEffects());
        try {
            Answer saved = checkIns.record(opened.target(), AnswerKind.CHECK_IN, new Reply(
                    effects, null, form.getHeadacheDaysSinceVisit(), form.getFeeling(), form.getNote()));
            return thanks(saved, model);
        } catch (AlreadyAnswered e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return alreadyAnswered(checkIns.answered(opened.target()).orElseThrow(), model);
        }
    }

    @GetMapping("/diary/{token}")
    String diary(@PathVariable String token, Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.DIARY);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        var answered = checkIns.answered(opened.target());
        if (answered.isPresent()) {
            return alreadyAnswered(answered.get(), model);
        }
        model.addAttribute("form", new DiaryForm());
        model.addAttribute("problems", Map.of());
        model.addAttribute("token", token);
        return "followup/diary";
    }

    @PostMapping("/diary/{token}")
    String answerDiary(@PathVariable String token, @ModelAttribute("form") DiaryForm form, BindingResult binding,
            Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.DIARY);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        Map<String, String> problems = form.problems(binding);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problems);
            model.addAttribute("token", token);
            return "followup/diary";
        }
        try {
            return thanks(checkIns.record(opened.target(), AnswerKind.DIARY,
                    new Reply(Set.of(), form.getHeadacheDaysLast30(), null, null, null)), model);
        } catch (AlreadyAnswered e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return alreadyAnswered(checkIns.answered(opened.target()).orElseThrow(), model);
        }
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.UNSUBSCRIBE);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        if (optOuts.optedOutOfEmail(opened.target().referralId())) {
            model.addAttribute("already", true);
            return "followup/unsubscribed";
        }
        model.addAttribute("token", token);
        return "followup/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        PatientLinks.Opened opened = links.open(token, Purpose.UNSUBSCRIBE);
        if (!opened.valid()) {
            return linkProblem(opened, model, response);
        }
        optOuts.optOutOfEmail(opened.target().referralId());
        model.addAttribute("already", false);
        return "followup/unsubscribed";
    }

    private String checkInForm(String token, Model model, Map<String, String> problems) {
        model.addAttribute("token", token);
        model.addAttribute("problems", problems);
        model.addAttribute("feelings", Feeling.values());
        return "followup/checkin";
    }

    private String thanks(Answer answer, Model model) {
        model.addAttribute("answer", answer);
        return "followup/thanks";
    }

    private String alreadyAnswered(Answer answer, Model model) {
        model.addAttribute("answer", answer);
        model.addAttribute("already", true);
        return "followup/thanks";
    }

    private static String linkProblem(PatientLinks.Opened opened, Model model, HttpServletResponse response) {
        boolean expired = opened.state() == PatientLinks.State.EXPIRED;
        response.setStatus(expired ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("expired", expired);
        return "followup/link-problem";
    }
}
