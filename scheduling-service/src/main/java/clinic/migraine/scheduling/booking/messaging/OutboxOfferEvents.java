package clinic.migraine.scheduling.booking.messaging;

import java.util.UUID;

import clinic.migraine.events.SlotOffered;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.pages.Site;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.scheduling.booking.application.OfferEvents;
import clinic.migraine.scheduling.booking.application.VisitLinks;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.SlotOffer;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.stereotype.Component;

/** Maps an offer to {@code SlotOffered}, one per waiting visit, with that patient's own link to take it. */
@Component
class OutboxOfferEvents implements OfferEvents {

    private final Outbox outbox;
    private final ClinicCalendar calendar;
    private final VisitLinks links;
    private final Site site;
    private final AuditTrail audit;

    OutboxOfferEvents(Outbox outbox, ClinicCalendar calendar, VisitLinks links, Site site, AuditTrail audit) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.links = links;
        this.site = site;
        this.audit = audit;
    }

    @Override
    public void offered(SlotOffer offer, Appointment to) {
        outbox.publish(SlotOffered.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(offer.offeredAt())
                .setReferralId(to.referralId()).setAppointmentId(to.id()).setOfferId(offer.id())
                .setStart(offer.start()).setEnd(offer.end())
                .setProviderName(calendar.provider(offer.providerId()).map(ClinicCalendar.Provider::name).orElse(null))
                .setLocation(offer.location()).setClinicTimeZone(calendar.zone().getId())
                .setOfferUrl(site.link("scheduling", "/visit/" + links.issue(to.id()) + "/offers/" + offer.id()))
                .build());
        audit.recordBy(Actors.SYSTEM, "earlier slot offered", "appointment", to.id(), to.referralId(),
                "offer " + offer.id() + " of " + offer.start().atZone(calendar.zone()).toOffsetDateTime() + " with "
                        + offer.providerId());
    }
}
