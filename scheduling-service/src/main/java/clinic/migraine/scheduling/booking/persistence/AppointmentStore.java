package clinic.migraine.scheduling.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.scheduling.booking.Appointment;
import clinic.migraine.scheduling.booking.AppointmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments, closures and the change feed in Postgres; the constraints there forbid double booking. */
@Repository
public class AppointmentStore {

    private final JdbcClient jdbc;

    public AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Appointment a, Instant now) {
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
                .param("noShows", a.noShows()).param("now", Timestamp.from(now))
                .update();
    }

    public void move(UUID id, String providerId, String location, Instant start, Instant end, Instant now) {
        jdbc.sql("""
                update appointment set provider_id = :provider, location = :location, start_at = :start, end_at = :end,
                  updated_at = :now where id = :id
                """).param("provider", providerId).param("location", location).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end)).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void status(UUID id, AppointmentStatus status, Instant now) {
        jdbc.sql("update appointment set status = :status, updated_at = :now where id = :id")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void cancel(UUID id, String reason, String by, Instant now) {
        jdbc.sql("""
                update appointment set status = 'cancelled', cancel_reason = :reason, cancelled_by = :by,
                  updated_at = :now where id = :id
                """).param("reason", reason).param("by", by).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void complete(UUID id, int units, int sites, String lot, String notes, Instant now) {
        jdbc.sql("""
                update appointment set status = 'fulfilled', units = :units, sites = :sites, lot_number = :lot,
                  notes = :notes, updated_at = :now where id = :id
                """).param("units", units).param("sites", sites).param("lot", lot).param("notes", notes)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    public Optional<Appointment> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from appointment where id = :id" + (forUpdate ? " for update" : "")).param("id", id)
                .query(AppointmentStore::appointment).optional();
    }

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

    /**
     * The waitlist: the booked appointment of the same kind (first course or later cycle) that starts last after
     * the freed slot and may move into it without breaking its 84-day interval.
     */
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

    public List<Appointment> ofReferral(UUID referralId) {
        return jdbc.sql("select * from appointment where referral_id = :id order by cycle, start_at")
                .param("id", referralId).query(AppointmentStore::appointment).list();
    }

    /** Start times already taken (booked, arrived or fulfilled) per provider in the range. */
    public List<Taken> taken(Instant from, Instant to) {
        return jdbc.sql("""
                select provider_id, start_at, end_at from appointment
                where status in ('booked', 'arrived', 'fulfilled') and end_at > :from and start_at < :to
                  and start_at > :earliestStart
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                // no visit lasts a day: bounds the index scan on start_at instead of reading every earlier visit
                .param("earliestStart", Timestamp.from(from.minus(java.time.Duration.ofDays(1))))
                .query((rs, n) -> new Taken(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public record Taken(String providerId, Instant start, Instant end) {
    }

    public record Closure(UUID id, String providerId, LocalDate startsOn, LocalDate endsOn, String reason) {
    }

    public List<Closure> closures() {
        return jdbc.sql("select * from closure order by starts_on").query((rs, n) -> new Closure(
                rs.getObject("id", UUID.class), rs.getString("provider_id"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("reason"))).list();
    }

    public void addClosure(Closure c) {
        jdbc.sql("insert into closure (id, provider_id, starts_on, ends_on, reason) values (:id, :p, :s, :e, :r)")
                .param("id", c.id()).param("p", c.providerId()).param("s", c.startsOn()).param("e", c.endsOn())
                .param("r", c.reason()).update();
    }

    public boolean deleteClosure(UUID id) {
        return jdbc.sql("delete from closure where id = :id").param("id", id).update() == 1;
    }

    public long recordChange(UUID appointmentId, String kind, Instant at) {
        return jdbc.sql("""
                insert into appointment_change (appointment_id, kind, at) values (:id, :kind, :at) returning seq
                """).param("id", appointmentId).param("kind", kind).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public record Change(long seq, UUID appointmentId, String kind) {
    }

    public List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql("select seq, appointment_id, kind from appointment_change where seq > :seq order by seq limit :limit")
                .param("seq", seq).param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        Timestamp notBefore = rs.getTimestamp("not_before");
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getInt("cycle"), rs.getString("provider_id"), rs.getString("location"),
                rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                AppointmentStatus.valueOf(rs.getString("status")), notBefore == null ? null : notBefore.toInstant(),
                rs.getInt("no_shows"), rs.getString("cancel_reason"), rs.getString("cancelled_by"),
                (Integer) rs.getObject("units"), (Integer) rs.getObject("sites"), rs.getString("lot_number"),
                rs.getString("notes"), rs.getTimestamp("updated_at").toInstant());
    }
}
