package clinic.migraine.scheduling.booking.messaging;

import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.scheduling.booking.Booking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BookingListeners {

    @Bean
    Consumer<EligibilityDetermined> eligibilityDetermined(Booking booking) {
        return booking::eligibilityDetermined;
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(Booking booking) {
        return booking::referralWithdrawn;
    }
}
