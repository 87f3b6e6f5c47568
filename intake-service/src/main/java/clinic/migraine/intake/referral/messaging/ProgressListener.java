package clinic.migraine.intake.referral.messaging;

import java.util.function.Consumer;

import clinic.migraine.intake.referral.ReferralProgress;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One binding over every downstream topic (listed in application.yml); each event goes to ReferralProgress. */
@Configuration
class ProgressListener {

    @Bean
    Consumer<SpecificRecord> downstreamEvents(ReferralProgress progress) {
        return progress::apply;
    }
}
