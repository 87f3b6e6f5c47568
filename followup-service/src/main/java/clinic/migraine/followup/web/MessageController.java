package clinic.migraine.followup.web;

import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.plan.FollowupStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of what each patient was sent, or will be, and why something was not sent. */
@RestController
class MessageController {

    private final FollowupStore store;

    MessageController(FollowupStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FollowupStore.Message> messages(@RequestParam("patient") UUID referralId) {
        return store.messages(referralId);
    }
}
