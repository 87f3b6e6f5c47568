package clinic.migraine.scheduling.booking.messaging;

import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.scheduling.booking.application.Booking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The bindings: an eligible cycle is booked, a withdrawn referral's visits are cancelled. */
@Configuration
class BookingListeners {

    @Bean
    Consumer<EligibilityDetermined> eligibilityDetermined(Inbox inbox) {
        return inbox::eligibilityDetermined;
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(Inbox inbox) {
        return inbox::referralWithdrawn;
    }

    /**
     * Each event is applied once: its id is claimed in the transaction that applies it, so a redelivery finds it
     * taken and is skipped, and a rollback releases it for the retry.
     */
    @Component
    static class Inbox {

        private final ProcessedEvents processed;
        private final Booking booking;

        Inbox(ProcessedEvents processed, Booking booking) {
            this.processed = processed;
            this.booking = booking;
        }

        @Transactional
        public void eligibilityDetermined(EligibilityDetermined event) {
            if (processed.firstDelivery(event) && event.getOutcome() == EligibilityOutcome.ELIGIBLE) {
                booking.bookCycle(event.getReferralId(), event.getCycle());
            }
        }

        @Transactional
        public void referralWithdrawn(ReferralWithdrawn event) {
            if (processed.firstDelivery(event)) {
                booking.cancelForWithdrawal(event.getReferralId());
            }
        }
    }
}
