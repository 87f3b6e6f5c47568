package clinic.migraine.scheduling.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.scheduling.booking.application.ChangeLog;
import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.SlotTaken;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments and the change log in Postgres. The constraints there forbid double booking (an exclusion
 * constraint per provider and time) and a second appointment of one referral's cycle; each write that may break
 * them runs in a savepoint, so a refusal becomes {@link SlotTaken} and the caller's transaction goes on.
 */
@Repository
class AppointmentStore implements Appointments, ChangeLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    AppointmentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void add(Appointment a) {
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(tx -> insert(a));
                return;
            } catch (DataIntegrityViolationException e) {
                throw new SlotTaken("That slot is taken, or this referral already has an appointment for cycle "
                        + a.cycle());
            } catch (PessimisticLockingFailureException e) {
                // Two bookings of one slot can deadlock on the exclusion constraint (each waits for the other's
                // row) and Postgres aborts one of them: it tries again, now behind the other, and gets a clean
                // answer. Still contested after three tries: the slot is taken as far as this request can tell.
                if (attempt == 3) {
                    throw new SlotTaken("That slot is being booked by someone else");
                }
            }
        }
    }

    private void insert(Appointment a) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                  not_before, no_shows, created_at, updated_at)
                values (:id, :referralId, :cycle, :provider, :location, :start, :end, :status, :notBefore, :noShows,
                  :now, :now)
                """)
                .param("id", a.id()).param("referralId", a.referralId()).param("cycle", a.cycle())
                .param("provider", a.providerId()).param("location", a.location())
                .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                .param("status", a.status().name())
                .param("notBefore", a.notBefore() == null ? null : Timestamp.from(a.notBefore()))
                .param("noShows", a.noShows()).param("now", Timestamp.from(a.updatedAt()))
                .update();
    }

    @Override
    public void save(Appointment a) {
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("""
                    update appointment set provider_id = :provider, location = :location, start_at = :start,
                      end_at = :end, status = :status, cancel_reason = :reason, cancelled_by = :by, units = :units,
                      sites = :sites, lot_number = :lot, notes = :notes, updated_at = :now
                    where id = :id
                    """)
                    .param("provider", a.providerId()).param("location", a.location())
                    .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                    .param("status", a.status().name()).param("reason", a.cancelReason())
                    .param("by", a.cancelledBy() == null ? null : a.cancelledBy().name())
                    .param("units", a.units()).param("sites", a.sites()).param("lot", a.lotNumber())
                    .param("notes", a.notes()).param("now", Timestamp.from(a.updatedAt())).param("id", a.id())
                    .update());
        } catch (DataIntegrityViolationException e) {
            throw new SlotTaken("That slot was just taken; pick another");
        }
    }

    @Override
    public Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from appointment where id = :id").param("id", id)
                .query(AppointmentStore::appointment).optional();
    }

    @Override
    public Optional<Appointment> lock(UUID id) {
        return jdbc.sql("select * from appointment where id = :id for update").param("id", id)
                .query(AppointmentStore::appointment).optional();
    }

    @Override
    public List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status) {
        return jdbc.sql("""
                select * from appointment
                where start_at >= :from and start_at < :to
                  and (cast(:provider as text) is null or provider_id = :provider)
                  and (cast(:status as text) is null or status = :status)
                order by start_at, provider_id
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("provider", providerId)
                .param("status", status == null ? null : status.name())
                .query(AppointmentStore::appointment).list();
    }

    @Override
    public Optional<Appointment> latestToMoveInto(Instant freedStart, boolean firstCourse, UUID excludedReferral) {
        return jdbc.sql("""
                select * from appointment
                where status = 'booked' and start_at > :freed and referral_id <> :excluded
                  and (cycle = 1) = :firstCourse
                  and (not_before is null or not_before <= :freed)
                order by start_at desc limit 1
                for update skip locked
                """).param("freed", Timestamp.from(freedStart)).param("firstCourse", firstCourse)
                .param("excluded", excludedReferral).query(AppointmentStore::appointment).optional();
    }

    @Override
    public List<Appointment> ofReferral(UUID referralId) {
        return jdbc.sql("select * from appointment where referral_id = :id order by cycle, start_at")
                .param("id", referralId).query(AppointmentStore::appointment).list();
    }

    @Override
    public List<TakenSlot> taken(Instant from, Instant to) {
        return jdbc.sql("""
                select provider_id, start_at, end_at from appointment
                where status in ('booked', 'arrived', 'fulfilled') and end_at > :from and start_at < :to
                  and start_at > :earliestStart
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                // no visit lasts a day: bounds the index scan on start_at instead of reading every earlier visit
                .param("earliestStart", Timestamp.from(from.minus(Duration.ofDays(1))))
                .query((rs, n) -> new TakenSlot(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Override
    public long append(UUID appointmentId, FeedChange kind, Instant at) {
        return jdbc.sql("""
                insert into appointment_change (appointment_id, kind, at) values (:id, :kind, :at) returning seq
                """).param("id", appointmentId).param("kind", kind.wireName()).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    @Override
    public List<Entry> after(long seq, int limit) {
        return jdbc.sql("select seq, appointment_id, kind from appointment_change where seq > :seq order by seq limit :limit")
                .param("seq", seq).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, UUID.class),
                        FeedChange.ofWireName(rs.getString(3)))).list();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        Timestamp notBefore = rs.getTimestamp("not_before");
        String cancelledBy = rs.getString("cancelled_by");
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getInt("cycle"), rs.getString("provider_id"), rs.getString("location"),
                rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                AppointmentStatus.valueOf(rs.getString("status")), notBefore == null ? null : notBefore.toInstant(),
                rs.getInt("no_shows"), rs.getString("cancel_reason"),
                cancelledBy == null ? null : CancelledBy.valueOf(cancelledBy),
                (Integer) rs.getObject("units"), (Integer) rs.getObject("sites"), rs.getString("lot_number"),
                rs.getString("notes"), rs.getTimestamp("updated_at").toInstant());
    }
}
