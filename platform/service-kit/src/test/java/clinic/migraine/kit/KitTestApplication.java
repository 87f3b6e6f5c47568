package clinic.migraine.kit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.messaging.EventHandlers;
import clinic.migraine.kit.outbox.Outbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the kit, the way the four services use it. */
@SpringBootApplication
public class KitTestApplication {

    /** In batch mode like the services' bindings: one transaction per poll, claimed as "withdrawals". */
    @Bean
    Consumer<Message<List<Object>>> withdrawals(EventBatches batches, WithdrawalHandler handler) {
        return batches.listener(EventHandlers.create().claimedAs("withdrawals")
                .on(ReferralWithdrawn.class, handler::handle));
    }

    @Component
    static class WithdrawalHandler {

        /** Events with the reason "fail-until-fixed" fail while this is false (a bug not yet fixed). */
        static volatile boolean fixed;

        private final JdbcClient jdbc;
        private final Outbox outbox;

        WithdrawalHandler(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** Runs in the batch's transaction, once per event id (the claim is the batch's). */
        public void handle(ReferralWithdrawn event) {
            if (event.getReason().equals("fail-until-fixed") && !fixed) {
                throw new IllegalStateException("handler cannot take this event until it is fixed");
            }
            if (event.getReason().startsWith("fail-quoting-the-event")) {
                // as a MessagingException's failedMessage or a careless message would: the whole event in the text
                throw new IllegalStateException("cannot handle failedMessage=" + event);
            }
            if (event.getReason().equals("fail")) {
                throw new IllegalStateException("handler refuses this event");
            }
            if (event.getReason().equals("forward")) {
                outbox.publish(ReferralWithdrawn.newBuilder(event)
                        .setEventId(UUID.nameUUIDFromBytes(event.getEventId().toString().getBytes(StandardCharsets.UTF_8)))
                        .setReason("forwarded")
                        .build());
            }
            jdbc.sql("insert into handled (event_id, reason) values (:id, :reason)")
                    .param("id", event.getEventId())
                    .param("reason", event.getReason())
                    .update();
        }
    }

    record Thing(@NotBlank String name, @Max(31) int days) {
    }

    @RestController
    static class ThingController {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }
    }
}
