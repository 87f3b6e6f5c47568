package clinic.migraine.kit;

import java.util.function.Consumer;

import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.inbox.ProcessedEvents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the kit, the way the four services use it. */
@SpringBootApplication
public class KitTestApplication {

    @Bean
    Consumer<ReferralWithdrawn> withdrawals(WithdrawalHandler handler) {
        return handler::handle;
    }

    @Component
    static class WithdrawalHandler {

        private final ProcessedEvents processed;
        private final JdbcClient jdbc;

        WithdrawalHandler(ProcessedEvents processed, JdbcClient jdbc) {
            this.processed = processed;
            this.jdbc = jdbc;
        }

        @Transactional
        public void handle(ReferralWithdrawn event) {
            if (!processed.firstDelivery(event, "withdrawals")) {
                return;
            }
            if (event.getReason().equals("fail")) {
                throw new IllegalStateException("handler refuses this event");
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
