package clinic.migraine.scheduling.booking.messaging;

import java.util.List;
import java.util.function.Consumer;

import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.PatientReplied;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.messaging.EventHandlers;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.scheduling.booking.application.Booking;
import clinic.migraine.scheduling.booking.application.PatientVisits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One binding over every topic scheduling reads (application.yml), in batch mode: each poll's events are applied in
 * one transaction, each once ({@link EventBatches}). An eligible cycle is booked (the patient and their injections
 * elsewhere remembered from every decision), a withdrawn referral's visits are cancelled, the referral's patient is
 * remembered for the staff pages (the board, the appointment, the worklist), and a patient's text reply is applied:
 * C confirms the next visit, R asks to be called about another time.
 */
@Configuration
class BookingListeners {

    @Bean
    Consumer<Message<List<Object>>> events(EventBatches batches, Booking booking, PatientVisits visits,
            PatientDirectory directory) {
        return batches.listener(EventHandlers.create()
                .patientUpdates(directory)
                .on(EligibilityDetermined.class, event -> booking.decided(new Booking.Decided(event.getReferralId(),
                        event.getCycle(), event.getOutcome() == EligibilityOutcome.ELIGIBLE, event.getPatientId(),
                        List.copyOf(event.getPriorTreatmentDates()),
                        event.getAuthorization() == null ? null : event.getAuthorization().getValidUntil())))
                .on(ReferralSubmitted.class, directory::remember)
                .on(PatientReplied.class, event -> visits.replied(event.getReferralId(),
                        PatientVisits.Reply.valueOf(event.getReply().name())))
                .on(ReferralWithdrawn.class, event -> booking.cancelForWithdrawal(event.getReferralId())));
    }
}
