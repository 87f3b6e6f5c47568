package clinic.migraine.followup.plan.messaging;

import java.util.List;
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
import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.KnownAppointment;
import clinic.migraine.followup.plan.domain.SlotOffer;
import clinic.migraine.followup.plan.domain.VisitStatus;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.messaging.EventHandlers;
import clinic.migraine.kit.patients.PatientDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One binding over every topic follow-up reads (application.yml), in batch mode: each poll's events are applied in
 * one transaction, each once, by their type ({@link EventBatches}). An event is claimed under its topic's name, as the
 * processed rows of the earlier binding per topic name it, so nothing applied before is applied again.
 */
@Configuration
class PlanListeners {

    @Bean
    Consumer<Message<List<Object>>> events(EventBatches batches, FollowUps followUps, PatientDirectory directory) {
        return batches.listener(EventHandlers.create()
                .patientUpdates(directory)
                .on(ReferralSubmitted.class, e -> {
                    directory.remember(e);
                    followUps.recordContact(new Contact(e.getReferralId(), e.getContact().getEmail(),
                            e.getContact().getPhone(), e.getContact().getTimeZone(),
                            Channel.valueOf(e.getContact().getPreferredChannel().name()), false, false, false, false));
                })
                .on(AppointmentBooked.class, e -> followUps.appointmentBooked(new KnownAppointment(
                        e.getAppointmentId(), e.getReferralId(), e.getCycle(), e.getStart(), e.getEnd(),
                        e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), VisitStatus.BOOKED,
                        e.getManageUrl(), e.getSequence())))
                .on(AppointmentRescheduled.class, e -> followUps.appointmentRescheduled(new KnownAppointment(
                        e.getAppointmentId(), e.getReferralId(), e.getCycle(), e.getStart(), e.getEnd(),
                        e.getProviderName(), e.getLocation(), e.getClinicTimeZone(), VisitStatus.BOOKED,
                        e.getManageUrl(), e.getSequence())))
                .on(AppointmentCancelled.class, e -> followUps.appointmentClosed(e.getReferralId(),
                        e.getAppointmentId(), e.getCycle(), VisitStatus.CANCELLED, e.getSequence()))
                .on(AppointmentNoShow.class, e -> followUps.appointmentClosed(e.getReferralId(),
                        e.getAppointmentId(), e.getCycle(), VisitStatus.NO_SHOW, e.getSequence()))
                // timed from when the treatment was recorded (the event's time), not the visit's date
                .on(TreatmentCompleted.class, e -> followUps.treatmentCompleted(e.getReferralId(),
                        e.getAppointmentId(), e.getCycle(), e.getOccurredAt(), e.getTreatmentDate()))
                .on(EligibilityDetermined.class, e -> followUps.eligibilityDetermined(e.getReferralId(),
                        e.getCycle(), e.getOutcome() == EligibilityOutcome.NOT_ELIGIBLE,
                        e.getReasons().stream().map(reason -> reason.getCode().name()).toList()))
                .on(SlotOffered.class, e -> followUps.slotOffered(new SlotOffer(e.getOfferId(),
                        e.getAppointmentId(), e.getReferralId(), e.getStart(), e.getEnd(), e.getProviderName(),
                        e.getLocation(), e.getClinicTimeZone(), e.getOfferUrl())))
                .on(ReferralWithdrawn.class, e -> followUps.referralWithdrawn(e.getReferralId())));
    }
}
