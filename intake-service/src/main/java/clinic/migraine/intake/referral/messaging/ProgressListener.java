package clinic.migraine.intake.referral.messaging;

import java.util.function.Consumer;

import clinic.migraine.intake.referral.application.ReferralProgress;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.kit.inbox.ProcessedEvents;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One binding over every downstream topic (listed in application.yml); each event goes to ReferralProgress. */
@Configuration
class ProgressListener {

    @Bean
    Consumer<SpecificRecord> downstreamEvents(Inbox inbox) {
        return inbox::apply;
    }

    /**
     * Each event is applied once: its id is claimed in the transaction that applies it, so a redelivery finds it
     * taken and is skipped, and a rollback releases it for the retry.
     */
    @Component
    static class Inbox {

        /** One consumer for every topic intake follows: the name its processed rows were stored under. */
        static final String CONSUMER = "referral-progress";
        private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

        private final ProcessedEvents processed;
        private final ReferralProgress progress;

        Inbox(ProcessedEvents processed, ReferralProgress progress) {
            this.processed = processed;
            this.progress = progress;
        }

        @Transactional
        public void apply(SpecificRecord event) {
            if (!processed.firstDelivery(event, CONSUMER)) {
                return;
            }
            ProgressReport report = ProgressReports.of(event);
            if (report == null) {
                log.warn("Event type {} is not followed by intake; ignored", event.getSchema().getName());
                return;
            }
            progress.apply(report);
        }
    }
}
