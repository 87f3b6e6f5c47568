package clinic.migraine.scheduling.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.scheduling.booking.domain.Rebooking;
import clinic.migraine.scheduling.booking.domain.RebookingList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rebooking worklist in Postgres; a partial unique index keeps a cycle on it once at a time. */
@Repository
class RebookingStore implements RebookingList {

    private final JdbcClient jdbc;

    RebookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(UUID referralId, int cycle, Rebooking.Reason reason, UUID appointmentId, Instant at) {
        jdbc.sql("""
                insert into rebooking (referral_id, cycle, reason, appointment_id, opened_at)
                values (:referral, :cycle, :reason, :appointment, :at)
                on conflict (referral_id, cycle) where resolved_at is null do nothing
                """).param("referral", referralId).param("cycle", cycle).param("reason", reason.name())
                .param("appointment", appointmentId).param("at", Timestamp.from(at)).update();
    }

    @Override
    public void resolve(UUID referralId, int cycle, Instant at) {
        jdbc.sql("""
                update rebooking set resolved_at = :at
                where referral_id = :referral and cycle = :cycle and resolved_at is null
                """).param("at", Timestamp.from(at)).param("referral", referralId).param("cycle", cycle).update();
    }

    @Override
    public List<Rebooking> open() {
        return jdbc.sql("select * from rebooking where resolved_at is null order by opened_at, id")
                .query(RebookingStore::rebooking).list();
    }

    @Override
    public Optional<Rebooking> find(long id) {
        return jdbc.sql("select * from rebooking where id = :id and resolved_at is null").param("id", id).query(RebookingStore::rebooking)
                .optional();
    }

    private static Rebooking rebooking(ResultSet rs, int n) throws SQLException {
        return new Rebooking(rs.getLong("id"), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                Rebooking.Reason.valueOf(rs.getString("reason")), rs.getObject("appointment_id", UUID.class),
                rs.getTimestamp("opened_at").toInstant());
    }
}
