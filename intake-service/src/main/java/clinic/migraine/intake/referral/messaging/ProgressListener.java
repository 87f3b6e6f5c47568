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

/**
 * One binding over every downstream topic (listed in application.yml); each event goes to ReferralProgress, once
 * ({@link ProcessedEvents#applyOnce}).
 */
@Configuration
class ProgressListener {

    /** One consumer for every topic intake follows: the name its processed rows were stored under. */
    static final String CONSUMER = "referral-progress";
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    @Bean
    Consumer<SpecificRecord> downstreamEvents(ProcessedEvents processed, ReferralProgress progress) {
        return event -> processed.applyOnce(event, CONSUMER, () -> {
            ProgressReport report = ProgressReports.of(event);
            if (report == null) {
                log.warn("Event type {} is not followed by intake; ignored", event.getSchema().getName());
                return;
            }
            progress.apply(report, ChartReports.of(event));
        });
    }
}
