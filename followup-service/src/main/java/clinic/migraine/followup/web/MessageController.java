package clinic.migraine.followup.web;

import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.UrgentAlerts;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.plan.application.MessageLog;
import clinic.migraine.followup.plan.domain.Message;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of what each patient was sent, or will be, and why something was not sent; and the urgent alerts. */
@RestController
class MessageController {

    private final MessageLog log;
    private final UrgentAlerts alerts;

    MessageController(MessageLog log, UrgentAlerts alerts) {
        this.log = log;
        this.alerts = alerts;
    }

    @GetMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Message> messages(@RequestParam("patient") UUID referralId) {
        return log.ofReferral(referralId);
    }

    /** Newest first; an alert's id is the id of its answer. */
    @GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Answer> alerts() {
        return alerts.newest();
    }

    /** The clinicians' tasks, newest first (a drooping eyelid alone, neck weakness); a task's id is its answer's. */
    @GetMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Answer> tasks() {
        return alerts.tasks();
    }
}
