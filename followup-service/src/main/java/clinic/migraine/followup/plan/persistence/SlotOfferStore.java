package clinic.migraine.followup.plan.persistence;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.plan.domain.SlotOffer;
import clinic.migraine.followup.plan.domain.SlotOffers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code slot_offer} table. */
@Repository
class SlotOfferStore implements SlotOffers {

    private final JdbcClient jdbc;

    SlotOfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(SlotOffer o) {
        return jdbc.sql("""
                insert into slot_offer (offer_id, appointment_id, referral_id, start_at, end_at, provider, location,
                  clinic_zone, offer_url)
                values (:offer, :visit, :referral, :start, :end, :provider, :location, :zone, :url)
                on conflict do nothing
                """).param("offer", o.offerId()).param("visit", o.appointmentId()).param("referral", o.referralId())
                .param("start", Timestamp.from(o.start())).param("end", Timestamp.from(o.end()))
                .param("provider", o.provider()).param("location", o.location()).param("zone", o.clinicZone())
                .param("url", o.offerUrl()).update() == 1;
    }

    @Override
    public Optional<SlotOffer> find(UUID offerId, UUID appointmentId) {
        return jdbc.sql("select * from slot_offer where offer_id = :offer and appointment_id = :visit")
                .param("offer", offerId).param("visit", appointmentId)
                .query((rs, n) -> new SlotOffer(rs.getObject("offer_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class), rs.getObject("referral_id", UUID.class),
                        rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                        rs.getString("provider"), rs.getString("location"), rs.getString("clinic_zone"),
                        rs.getString("offer_url"))).optional();
    }
}
