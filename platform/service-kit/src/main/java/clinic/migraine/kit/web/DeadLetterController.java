package clinic.migraine.kit.web;

import java.util.List;

import clinic.migraine.kit.messaging.DeadLetterInbox;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's view of the service's dead letters: {@code GET /api/dead-letters} (newest first, with the error that
 * put each there) and {@code POST /api/dead-letters/{topic}/{partition}/{offset}/replay} to send one back to its
 * topic once its cause is fixed (202; 409 if it was already sent back; 404 for an unknown one).
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    private final DeadLetterInbox inbox;

    public DeadLetterController(DeadLetterInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    public List<DeadLetterInbox.Letter> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return inbox.list(limit);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeadLetterInbox.Replay replay(@PathVariable String topic, @PathVariable @PositiveOrZero int partition,
            @PathVariable @PositiveOrZero long offset) {
        return inbox.replay(topic, partition, offset);
    }
}
