package clinic.migraine.intake.referral.messaging;

import java.util.List;
import java.util.function.Consumer;

import clinic.migraine.intake.referral.application.ReferralProgress;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.messaging.EventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One binding over every downstream topic (listed in application.yml), in batch mode: each poll's events go to
 * ReferralProgress in one transaction, each once ({@link EventBatches}).
 */
@Configuration
class ProgressListener {

    /** One consumer for every topic intake follows: the name its processed rows were stored under. */
    static final String CONSUMER = "referral-progress";
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    @Bean
    Consumer<Message<List<Object>>> downstreamEvents(EventBatches batches, ReferralProgress progress) {
        return batches.listener(EventHandlers.create().claimedAs(CONSUMER).otherwise(event -> {
            ProgressReport report = ProgressReports.of(event);
            if (report == null) {
                log.warn("Event type {} is not followed by intake; ignored", event.getSchema().getName());
                return;
            }
            progress.apply(report, ChartReports.of(event));
        }));
    }
}
