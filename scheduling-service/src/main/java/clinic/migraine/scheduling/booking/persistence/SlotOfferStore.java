package clinic.migraine.scheduling.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.scheduling.booking.domain.SlotOffer;
import clinic.migraine.scheduling.booking.domain.SlotOffers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code slot_offer} and {@code slot_offer_recipient} tables. */
@Repository
class SlotOfferStore implements SlotOffers {

    private final JdbcClient jdbc;

    SlotOfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SlotOffer offer) {
        jdbc.sql("""
                insert into slot_offer (id, provider_id, location, start_at, end_at, freed_appointment, offered_at)
                values (:id, :provider, :location, :start, :end, :freed, :at)
                """).param("id", offer.id()).param("provider", offer.providerId()).param("location", offer.location())
                .param("start", Timestamp.from(offer.start())).param("end", Timestamp.from(offer.end()))
                .param("freed", offer.freedAppointment()).param("at", Timestamp.from(offer.offeredAt())).update();
        for (UUID visit : offer.recipients()) {
            jdbc.sql("insert into slot_offer_recipient (offer_id, appointment_id) values (:offer, :visit)")
                    .param("offer", offer.id()).param("visit", visit).update();
        }
    }

    @Override
    public Optional<SlotOffer> lock(UUID id) {
        return read(id, " for update");
    }

    @Override
    public Optional<SlotOffer> find(UUID id) {
        return read(id, "");
    }

    private Optional<SlotOffer> read(UUID id, String lock) {
        Set<UUID> recipients = new HashSet<>(jdbc.sql(
                        "select appointment_id from slot_offer_recipient where offer_id = :id")
                .param("id", id).query(UUID.class).list());
        return jdbc.sql("select * from slot_offer where id = :id" + lock).param("id", id)
                .query((rs, n) -> offer(rs, recipients)).optional();
    }

    @Override
    public void markTaken(SlotOffer taken) {
        jdbc.sql("update slot_offer set taken_by = :visit, taken_at = :at where id = :id and taken_by is null")
                .param("visit", taken.takenBy()).param("at", Timestamp.from(taken.takenAt())).param("id", taken.id())
                .update();
    }

    private static SlotOffer offer(ResultSet rs, Set<UUID> recipients) throws SQLException {
        return new SlotOffer(rs.getObject("id", UUID.class), rs.getString("provider_id"), rs.getString("location"),
                rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                rs.getObject("freed_appointment", UUID.class), rs.getTimestamp("offered_at").toInstant(), recipients,
                rs.getObject("taken_by", UUID.class),
                rs.getTimestamp("taken_at") == null ? null : rs.getTimestamp("taken_at").toInstant());
    }
}
