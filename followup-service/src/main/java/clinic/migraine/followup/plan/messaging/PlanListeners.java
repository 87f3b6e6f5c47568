package clinic.migraine.followup.plan.messaging;

import java.util.function.Consumer;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.SlotOffered;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.followup.plan.application.FollowUps;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.KnownAppointment;
import clinic.migraine.followup.plan.domain.SlotOffer;
import clinic.migraine.followup.plan.domain.VisitStatus;
import clinic.migraine.kit.inbox.ProcessedEvents;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One consumer per topic follow-up listens to. Each applies its event once: the event id is claimed in the same
 * transaction as the plan it causes, so a redelivery is skipped and a rollback lets the redelivery through.
 */
@Configuration
class PlanListeners {

    private final ProcessedEvents processed;

    PlanListeners(ProcessedEvents processed) {
        this.processed = processed;
    }

    @Bean
    Consumer<ReferralSubmitted> contacts(FollowUps followUps, PatientDirectory directory) {
        return e -> once(e, () -> {
            directory.remember(e);
            followUps.recordContact(new Contact(e.getReferralId(), e.getContact().getEmail(),
                    e.getContact().getPhone(), e.getContact().getTimeZone(),
                    Channel.valueOf(e.getContact().getPreferredChannel().name()), false, false, false, false));
        });
    }

    @Bean
    Consumer<AppointmentBooked> booked(FollowUps followUps) {
        return e -> once(e, () -> followUps.appointmentBooked(new KnownAppointment(e.getAppointmentId(),
                e.getReferralId(), e.getCycle(), e.getStart(), e.getEnd(), e.getProviderName(), e.getLocation(),
                e.getClinicTimeZone(), VisitStatus.BOOKED, e.getManageUrl(), e.getSequence())));
    }

    @Bean
    Consumer<AppointmentRescheduled> rescheduled(FollowUps followUps) {
        return e -> once(e, () -> followUps.appointmentRescheduled(new KnownAppointment(e.getAppointmentId(),
                e.getReferralId(), e.getCycle(), e.getStart(), e.getEnd(), e.getProviderName(), e.getLocation(),
                e.getClinicTimeZone(), VisitStatus.BOOKED, e.getManageUrl(), e.getSequence())));
    }

    @Bean
    Consumer<AppointmentCancelled> cancelled(FollowUps followUps) {
        return e -> once(e, () -> followUps.appointmentClosed(e.getReferralId(), e.getAppointmentId(), e.getCycle(),
                VisitStatus.CANCELLED, e.getSequence()));
    }

    @Bean
    Consumer<AppointmentNoShow> noShow(FollowUps followUps) {
        return e -> once(e, () -> followUps.appointmentClosed(e.getReferralId(), e.getAppointmentId(), e.getCycle(),
                VisitStatus.NO_SHOW, e.getSequence()));
    }

    /** Timed from when the treatment was recorded (the event's time), not the visit's date. */
    @Bean
    Consumer<TreatmentCompleted> treated(FollowUps followUps) {
        return e -> once(e, () -> followUps.treatmentCompleted(e.getReferralId(), e.getAppointmentId(), e.getCycle(),
                e.getOccurredAt(), e.getTreatmentDate()));
    }

    @Bean
    Consumer<EligibilityDetermined> decisions(FollowUps followUps) {
        return e -> once(e, () -> followUps.eligibilityDetermined(e.getReferralId(), e.getCycle(),
                e.getOutcome() == EligibilityOutcome.NOT_ELIGIBLE,
                e.getReasons().stream().map(reason -> reason.getCode().name()).toList()));
    }

    @Bean
    Consumer<SlotOffered> offers(FollowUps followUps) {
        return e -> once(e, () -> followUps.slotOffered(new SlotOffer(e.getOfferId(), e.getAppointmentId(),
                e.getReferralId(), e.getStart(), e.getEnd(), e.getProviderName(), e.getLocation(),
                e.getClinicTimeZone(), e.getOfferUrl())));
    }

    @Bean
    Consumer<ReferralWithdrawn> withdrawals(FollowUps followUps) {
        return e -> once(e, () -> followUps.referralWithdrawn(e.getReferralId()));
    }

    /** The consumer is named after the event's topic, as the rows already stored name it. */
    private void once(SpecificRecord event, Runnable apply) {
        processed.applyOnce(event, apply);
    }
}
