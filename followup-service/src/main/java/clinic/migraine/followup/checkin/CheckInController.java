package clinic.migraine.followup.checkin;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.kit.web.DomainProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Patients' side: the check-in and diary form behind a signed link, unsubscribe, and SMS keywords. */
@RestController
class CheckInController {

    private final LinkTokens tokens;
    private final Answers answers;
    private final FollowupStore store;
    private final Clock clock;

    CheckInController(LinkTokens tokens, Answers answers, FollowupStore store, Clock clock) {
        this.tokens = tokens;
        this.answers = answers;
        this.store = store;
        this.clock = clock;
    }

    record CheckInAnswer(@NotNull Boolean neckPainOrStiffness, @NotNull Boolean injectionSitePain,
            @NotNull Boolean droopingEyelid, @NotNull Boolean troubleSwallowingSpeakingBreathing,
            @Min(0) @Max(30) Integer headacheDaysLast30) {
    }

    @PostMapping(path = "/api/checkins/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> answer(@PathVariable String token, @Valid @RequestBody CheckInAnswer body) {
        LinkTokens.Link link = link(token);
        var event = answers.record(link, new Answers.Answer(body.neckPainOrStiffness(), body.injectionSitePain(),
                body.droopingEyelid(), body.troubleSwallowingSpeakingBreathing(), body.headacheDaysLast30()));
        return Map.of("recorded", true, "urgent", event.getUrgent(), "advice", event.getUrgent()
                ? "Please seek medical care now. The clinic has been told." : "Thank you. Neck pain usually passes; ice packs help.");
    }

    @GetMapping(path = "/checkins/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String form(@PathVariable String token) {
        LinkTokens.Link link = link(token);
        String action = "/api/checkins/" + HtmlUtils.htmlEscape(token);
        String question = "CHECK_IN".equals(link.purpose()) ? "How are you two weeks after your injections?"
                : "Your headache diary";
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:32em;margin:1em auto;padding:0 1em}label{display:block;margin:.6em 0}</style>
                </head><body><h1>%s</h1><form id="f">
                <label><input type="checkbox" name="neckPainOrStiffness"> Neck pain or stiffness</label>
                <label><input type="checkbox" name="injectionSitePain"> Pain where the injections were given</label>
                <label><input type="checkbox" name="droopingEyelid"> A drooping eyelid</label>
                <label><input type="checkbox" name="troubleSwallowingSpeakingBreathing"> Trouble swallowing, speaking or breathing</label>
                <label for="days">On how many of the last 30 days did you have a headache?</label>
                <input id="days" name="headacheDaysLast30" type="number" min="0" max="30" inputmode="numeric">
                <p><button type="submit">Send</button></p></form><p id="result" role="status"></p>
                <script>
                document.getElementById('f').addEventListener('submit', async e => {
                  e.preventDefault(); const f = e.target; const days = f.headacheDaysLast30.value;
                  const body = {neckPainOrStiffness: f.neckPainOrStiffness.checked, injectionSitePain: f.injectionSitePain.checked,
                    droopingEyelid: f.droopingEyelid.checked, troubleSwallowingSpeakingBreathing: f.troubleSwallowingSpeakingBreathing.checked,
                    headacheDaysLast30: days === '' ? null : Number(days)};
                  const r = await fetch('%s', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
                  const answer = await r.json();
                  document.getElementById('result').textContent = r.ok ? answer.advice : (answer.detail || 'Please check your answers.');
                });
                </script></body></html>
                """.formatted(question, question, action);
    }

    @PostMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribe(@PathVariable String token) {
        LinkTokens.Link link = tokens.verify(token, "unsubscribe", clock.instant())
                .orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "Link not valid", "This link is not valid or has expired"));
        store.optOut(link.referralId(), "EMAIL", true);
        return "<!doctype html><html><body><p>You will not receive more emails from the clinic.</p></body></html>";
    }

    @GetMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribePage(@PathVariable String token) {
        tokens.verify(token, "unsubscribe", clock.instant())
                .orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "Link not valid", "This link is not valid or has expired"));
        return "<!doctype html><html><body><form method=\"post\"><p>Stop emails from the migraine clinic?</p>"
                + "<button type=\"submit\">Unsubscribe</button></form></body></html>";
    }

    /** Inbound SMS webhook (Twilio-style form): STOP and its synonyms opt out, START opts back in, HELP answers. */
    @PostMapping(path = "/api/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    String inbound(@RequestParam("From") String from, @RequestParam("Body") String body) {
        SmsKeyword keyword = SmsKeyword.of(body);
        List<FollowupStore.Contact> contacts = store.contactsByPhone(from);
        switch (keyword) {
            case STOP -> contacts.forEach(c -> store.optOut(c.referralId(), "SMS", true));
            case START -> contacts.forEach(c -> store.optOut(c.referralId(), "SMS", false));
            default -> {
            }
        }
        return keyword.reply();
    }

    private LinkTokens.Link link(String token) {
        return tokens.verify(token, "CHECK_IN", clock.instant())
                .or(() -> tokens.verify(token, "DIARY_REQUEST", clock.instant()))
                .orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "Link not valid",
                        "This link is not valid or has expired"));
    }
}
