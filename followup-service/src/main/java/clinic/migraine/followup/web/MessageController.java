package clinic.migraine.followup.web;

import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.checkin.UrgentAlerts;
import clinic.migraine.followup.plan.FollowupStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of what each patient was sent, or will be, and why something was not sent; and the urgent alerts. */
@RestController
class MessageController {

    private final FollowupStore store;
    private final UrgentAlerts alerts;

    MessageController(FollowupStore store, UrgentAlerts alerts) {
        this.store = store;
        this.alerts = alerts;
    }

    @GetMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FollowupStore.Message> messages(@RequestParam("patient") UUID referralId) {
        return store.messages(referralId);
    }

    /** Newest first; an alert's id is the id of its answer. */
    @GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FollowupStore.Answer> alerts() {
        return alerts.newest();
    }
}
