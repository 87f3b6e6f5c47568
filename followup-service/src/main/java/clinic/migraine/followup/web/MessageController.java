package clinic.migraine.followup.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.UrgentAlerts;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.plan.application.MessageLog;
import clinic.migraine.followup.plan.domain.Message;
import org.springframework.http.MediaType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of what each patient was sent, or will be, and why something was not sent; and the urgent alerts. */
@RestController
class MessageController {

    private final MessageLog log;
    private final UrgentAlerts alerts;
    private final Clock clock;

    MessageController(MessageLog log, UrgentAlerts alerts, Clock clock) {
        this.log = log;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What closing an alert takes: what was done. */
    record Closing(@NotBlank @Size(max = 2000) String note) {
    }

    @GetMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Message> messages(@RequestParam("patient") UUID referralId) {
        return log.ofReferral(referralId);
    }

    /** Newest first; an alert's id is the id of its answer. */
    @GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AlertView> alerts() {
        Instant now = clock.instant();
        return alerts.newest().stream().map(a -> AlertView.of(a, alerts.escalationsSent(a.id()), now)).toList();
    }

    /** CLINICIAN: someone is on it; the escalations stop. 404 for no such alert, 409 when acknowledged before. */
    @PostMapping(path = "/api/alerts/{id}/acknowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView acknowledge(@PathVariable UUID id) {
        Answer acknowledged = alerts.acknowledge(id);
        return AlertView.of(acknowledged, alerts.escalationsSent(id), clock.instant());
    }

    /** CLINICIAN: closes the alert with what was done. 400 without a note, 409 when closed before. */
    @PostMapping(path = "/api/alerts/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView close(@PathVariable UUID id, @Valid @RequestBody Closing closing) {
        Answer closed = alerts.close(id, closing.note());
        return AlertView.of(closed, alerts.escalationsSent(id), clock.instant());
    }

    /** The clinicians' tasks, newest first (a drooping eyelid alone, neck weakness); a task's id is its answer's. */
    @GetMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Answer> tasks() {
        return alerts.tasks();
    }
}
