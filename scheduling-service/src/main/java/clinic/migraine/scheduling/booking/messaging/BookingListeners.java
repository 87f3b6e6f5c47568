package clinic.migraine.scheduling.booking.messaging;

import java.util.List;
import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.PatientReplied;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.application.PatientVisits;
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

    /** Who the referral's patient is, for the staff pages (the board, the appointment, the worklist). */
    @Bean
    Consumer<ReferralSubmitted> referralSubmitted(ProcessedEvents processed, PatientDirectory directory) {
        return event -> processed.applyOnce(event, () -> directory.remember(event));
    }

    /** A patient's text reply: C confirms the next visit, R asks to be called about another time. */
    @Bean
    Consumer<PatientReplied> patientReplied(ProcessedEvents processed, PatientVisits visits) {
        return event -> processed.applyOnce(event, () -> visits.replied(event.getReferralId(),
                PatientVisits.Reply.valueOf(event.getReply().name())));
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(ProcessedEvents processed, Booking booking) {
        return event -> processed.applyOnce(event, () -> booking.cancelForWithdrawal(event.getReferralId()));
    }
}
