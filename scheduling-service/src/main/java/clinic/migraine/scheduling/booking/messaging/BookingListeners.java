package clinic.migraine.scheduling.booking.messaging;

import java.util.List;
import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.scheduling.booking.application.Booking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bindings: an eligible cycle is booked (the patient and their injections elsewhere remembered from every
 * decision), a withdrawn referral's visits are cancelled. Each event is applied
 * once ({@link ProcessedEvents#applyOnce}).
 */
@Configuration
class BookingListeners {

    @Bean
    Consumer<EligibilityDetermined> eligibilityDetermined(ProcessedEvents processed, Booking booking) {
        return event -> processed.applyOnce(event, () -> booking.decided(new Booking.Decided(event.getReferralId(),
                event.getCycle(), event.getOutcome() == EligibilityOutcome.ELIGIBLE, event.getPatientId(),
                List.copyOf(event.getPriorTreatmentDates()),
                event.getAuthorization() == null ? null : event.getAuthorization().getValidUntil())));
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(ProcessedEvents processed, Booking booking) {
        return event -> processed.applyOnce(event, () -> booking.cancelForWithdrawal(event.getReferralId()));
    }
}
