package clinic.migraine.scheduling.booking.messaging;

import java.time.ZoneId;
import java.util.UUID;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.AppointmentNoShow;
import clinic.migraine.events.AppointmentRescheduled;
import clinic.migraine.events.CancelReasonCode;
import clinic.migraine.events.CancelledBy;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.events.TreatmentSite;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.pages.Site;
import clinic.migraine.scheduling.booking.application.AppointmentEvents;
import clinic.migraine.scheduling.booking.application.VisitLinks;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentEvent;
import clinic.migraine.scheduling.booking.domain.Muscle;
import clinic.migraine.scheduling.booking.domain.Treatment;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.stereotype.Component;

/**
 * Maps appointment events to their Avro contracts and writes them to the outbox in the caller's transaction.
 * Times go out as instants with the clinic's zone beside them, with the calendar entry's sequence, so follow-up's
 * invitations carry the same version as the .ics download; a check-in stays inside scheduling.
 */
@Component
class OutboxAppointmentEvents implements AppointmentEvents {

    private final Outbox outbox;
    private final ClinicCalendar calendar;
    private final VisitLinks links;
    private final Site site;

    OutboxAppointmentEvents(Outbox outbox, ClinicCalendar calendar, VisitLinks links, Site site) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.links = links;
        this.site = site;
    }

    /** The patient's own link to the visit, for the confirmation and the reminders follow-up sends. */
    private String manageUrl(Appointment a) {
        return site.link("scheduling", "/visit/" + links.issue(a.id()));
    }

    @Override
    public void publish(AppointmentEvent event) {
        Appointment a = event.appointment();
        ZoneId zone = calendar.zone();
        if (event instanceof AppointmentEvent.Booked) {
            outbox.publish(AppointmentBooked.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(event.at())
                    .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle())
                    .setProviderId(a.providerId()).setProviderName(providerName(a.providerId()))
                    .setLocation(a.location()).setStart(a.start()).setEnd(a.end()).setClinicTimeZone(zone.getId())
                    .setActor(event.actor()).setManageUrl(manageUrl(a)).setSequence(a.sequence()).build());
        } else if (event instanceof AppointmentEvent.Rescheduled moved) {
            Appointment previous = moved.previous();
            outbox.publish(AppointmentRescheduled.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(event.at())
                    .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle())
                    .setPreviousStart(previous.start()).setPreviousEnd(previous.end()).setStart(a.start())
                    .setEnd(a.end()).setProviderId(a.providerId()).setProviderName(providerName(a.providerId()))
                    .setLocation(a.location()).setClinicTimeZone(zone.getId()).setActor(event.actor())
                    .setManageUrl(manageUrl(a)).setSequence(a.sequence()).build());
        } else if (event instanceof AppointmentEvent.Cancelled cancelled) {
            outbox.publish(AppointmentCancelled.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(event.at())
                    .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle()).setStart(a.start())
                    .setReasonCode(CancelReasonCode.valueOf(cancelled.reason().name()))
                    .setCancelledBy(CancelledBy.valueOf(a.cancelledBy().name()))
                    .setActor(event.actor()).setSequence(a.sequence()).build());
        } else if (event instanceof AppointmentEvent.MissedVisit) {
            outbox.publish(AppointmentNoShow.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(event.at())
                    .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle())
                    .setStart(a.start()).setActor(event.actor()).setSequence(a.sequence()).build());
        } else if (event instanceof AppointmentEvent.Treated treated) {
            Treatment t = treated.treatment();
            outbox.publish(TreatmentCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(event.at())
                    .setReferralId(a.referralId()).setAppointmentId(a.id()).setCycle(a.cycle())
                    .setTreatmentDate(t.administeredAt().atZone(zone).toLocalDate()).setTreatedAt(t.administeredAt())
                    .setUnits(t.totalUnits()).setInjectionSites(t.totalInjections()).setLotNumber(t.lot())
                    .setProviderId(a.providerId()).setActor(event.actor()).setProduct(t.product())
                    .setLotExpiry(t.lotExpiry()).setWastedUnits(t.wastedUnits()).setInjector(t.injector())
                    .setSites(t.sites().stream().map(site -> TreatmentSite.newBuilder()
                            .setMuscle(site.muscle() == Muscle.OTHER ? site.otherMuscle() : site.muscle().name())
                            .setSide(site.side().name()).setInjections(site.injections()).setUnits(site.units())
                            .build()).toList())
                    .build());
        }
    }

    private String providerName(String providerId) {
        return calendar.provider(providerId).map(ClinicCalendar.Provider::name).orElse(null);
    }
}
