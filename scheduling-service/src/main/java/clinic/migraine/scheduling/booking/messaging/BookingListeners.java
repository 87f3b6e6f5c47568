package clinic.migraine.scheduling.booking.messaging;

import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.scheduling.booking.application.Booking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bindings: an eligible cycle is booked, a withdrawn referral's visits are cancelled. Each event is applied
 * once ({@link ProcessedEvents#applyOnce}).
 */
@Configuration
class BookingListeners {

    @Bean
    Consumer<EligibilityDetermined> eligibilityDetermined(ProcessedEvents processed, Booking booking) {
        return event -> processed.applyOnce(event, () -> {
            if (event.getOutcome() == EligibilityOutcome.ELIGIBLE) {
                booking.bookCycle(event.getReferralId(), event.getCycle());
            }
        });
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(ProcessedEvents processed, Booking booking) {
        return event -> processed.applyOnce(event, () -> booking.cancelForWithdrawal(event.getReferralId()));
    }
}
