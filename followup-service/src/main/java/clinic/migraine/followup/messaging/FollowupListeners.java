package clinic.migraine.followup.messaging;

import java.util.function.Consumer;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.followup.plan.FollowUps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FollowupListeners {

    @Bean
    Consumer<ReferralSubmitted> contacts(FollowUps followUps) {
        return followUps::referralSubmitted;
    }

    @Bean
    Consumer<AppointmentBooked> booked(FollowUps followUps) {
        return followUps::appointmentBooked;
    }

    @Bean
    Consumer<AppointmentRescheduled> rescheduled(FollowUps followUps) {
        return followUps::appointmentRescheduled;
    }

    @Bean
    Consumer<AppointmentCancelled> cancelled(FollowUps followUps) {
        return followUps::appointmentCancelled;
    }

    @Bean
    Consumer<AppointmentNoShow> noShow(FollowUps followUps) {
        return followUps::appointmentNoShow;
    }

    @Bean
    Consumer<TreatmentCompleted> treated(FollowUps followUps) {
        return followUps::treatmentCompleted;
    }

    @Bean
    Consumer<EligibilityDetermined> decisions(FollowUps followUps) {
        return followUps::eligibilityDetermined;
    }

    @Bean
    Consumer<ReferralWithdrawn> withdrawals(FollowUps followUps) {
        return followUps::referralWithdrawn;
    }
}
