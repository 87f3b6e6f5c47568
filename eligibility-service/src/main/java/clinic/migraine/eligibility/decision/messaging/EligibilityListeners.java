package clinic.migraine.eligibility.decision.messaging;

import java.util.function.Consumer;

import clinic.migraine.eligibility.decision.Eligibility;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One consumer per topic eligibility reads, bound in application.yml. */
@Configuration
class EligibilityListeners {

    @Bean
    Consumer<ReferralSubmitted> referralSubmitted(Eligibility eligibility) {
        return eligibility::referralSubmitted;
    }

    @Bean
    Consumer<TreatmentCompleted> treatmentCompleted(Eligibility eligibility) {
        return eligibility::treatmentCompleted;
    }

    @Bean
    Consumer<FollowUpRecorded> followUpRecorded(Eligibility eligibility) {
        return eligibility::followUpRecorded;
    }

    @Bean
    Consumer<NextCycleDue> nextCycleDue(Eligibility eligibility) {
        return eligibility::nextCycleDue;
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(Eligibility eligibility) {
        return eligibility::referralWithdrawn;
    }
}
