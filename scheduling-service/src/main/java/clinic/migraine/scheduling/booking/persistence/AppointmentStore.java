package clinic.migraine.scheduling.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.scheduling.booking.application.ChangeLog;
import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.booking.domain.InjectionSite;
import clinic.migraine.scheduling.booking.domain.Muscle;
import clinic.migraine.scheduling.booking.domain.Side;
import clinic.migraine.scheduling.booking.domain.SlotTaken;
import clinic.migraine.scheduling.booking.domain.TooEarly;
import clinic.migraine.scheduling.booking.domain.Treatment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments and the change log in Postgres. The constraints there forbid double booking (an exclusion
 * constraint per provider and time), a second appointment of one referral's cycle and two treatments of one
 * patient less than 84 days apart (an exclusion constraint per patient on {@code treatment_day}); each write that
 * may break them runs in a savepoint, so a refusal becomes {@link SlotTaken} or {@link TooEarly} and the caller's
 * transaction goes on.
 */
@Repository
class AppointmentStore implements Appointments, ChangeLog {

    /** The exclusion constraint that keeps one patient's treatments 84 days apart (V2). */
    static final String INTERVAL_CONSTRAINT = "treatments_84_days_apart";
    private static final int INTERVAL_DAYS = 84;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final BookingRules rules;

    AppointmentStore(JdbcClient jdbc, PlatformTransactionManager transactions, BookingRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void add(Appointment a) {
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(tx -> {
                    insert(a);
                    holdTreatmentDay(a);
                });
                return;
            } catch (DataIntegrityViolationException e) {
                refuseIfTooSoonForThePatient(e, a);
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
                  not_before, no_shows, created_at, updated_at, calendar_sequence)
                values (:id, :referralId, :cycle, :provider, :location, :start, :end, :status, :notBefore, :noShows,
                  :now, :now, :sequence)
                """)
                .param("id", a.id()).param("referralId", a.referralId()).param("cycle", a.cycle())
                .param("provider", a.providerId()).param("location", a.location())
                .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                .param("status", a.status().name())
                .param("notBefore", a.notBefore() == null ? null : Timestamp.from(a.notBefore()))
                .param("noShows", a.noShows()).param("now", Timestamp.from(a.updatedAt()))
                .param("sequence", a.sequence()).update();
    }

    @Override
    public void save(Appointment a) {
        try {
            savepoint.executeWithoutResult(tx -> {
                jdbc.sql("""
                    update appointment set provider_id = :provider, location = :location, start_at = :start,
                      end_at = :end, status = :status, cancel_reason = :reason, cancelled_by = :by, units = :units,
                      sites = :sites, lot_number = :lot, notes = :notes, updated_at = :now,
                      calendar_sequence = :sequence
                    where id = :id
                    """)
                    .param("provider", a.providerId()).param("location", a.location())
                    .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                    .param("status", a.status().name()).param("reason", a.cancelReason())
                    .param("by", a.cancelledBy() == null ? null : a.cancelledBy().name())
                    .param("units", a.units()).param("sites", a.sites()).param("lot", a.lotNumber())
                    .param("notes", a.notes()).param("now", Timestamp.from(a.updatedAt())).param("id", a.id())
                    .param("sequence", a.sequence()).update();
                holdTreatmentDay(a);
            });
        } catch (DataIntegrityViolationException e) {
            refuseIfTooSoonForThePatient(e, a);
            throw new SlotTaken("That slot was just taken; pick another");
        }
    }

    /**
     * Keeps the appointment's row of {@code treatment_day} in step with it: there while it holds its slot, on the
     * clinic day it starts, for the referral's patient (none while the patient is unknown).
     */
    private void holdTreatmentDay(Appointment a) {
        jdbc.sql("delete from treatment_day where appointment_id = :id").param("id", a.id()).update();
        if (a.status().holdsTheSlot()) {
            jdbc.sql("""
                    insert into treatment_day (patient_id, day, appointment_id)
                    select patient_id, :day, :id from referral_patient where referral_id = :referralId
                    """).param("day", day(a.start())).param("id", a.id()).param("referralId", a.referralId())
                    .update();
        }
    }

    /** A refusal by the per-patient interval becomes {@link TooEarly}, naming the first day that would fit. */
    private void refuseIfTooSoonForThePatient(DataIntegrityViolationException e, Appointment a) {
        String cause = String.valueOf(e.getMostSpecificCause().getMessage());
        if (!cause.contains(INTERVAL_CONSTRAINT)) {
            return;
        }
        LocalDate day = day(a.start());
        LocalDate earliest = jdbc.sql("""
                select max(t.day) + %d from treatment_day t join referral_patient p on p.patient_id = t.patient_id
                where p.referral_id = :referralId and t.appointment_id is distinct from :id
                  and daterange(t.day, t.day + %d) && daterange(:day, :day + %d)
                """.formatted(INTERVAL_DAYS, INTERVAL_DAYS, INTERVAL_DAYS))
                .param("referralId", a.referralId()).param("id", a.id()).param("day", day)
                .query(LocalDate.class).optional().orElse(day.plusDays(INTERVAL_DAYS));
        throw new TooEarly(earliest.atStartOfDay(rules.zone()).toInstant(), rules.zone(), INTERVAL_DAYS);
    }

    private LocalDate day(Instant start) {
        return start.atZone(rules.zone()).toLocalDate();
    }

    @Override
    public void recordTreatment(UUID appointmentId, Treatment t) {
        jdbc.sql("""
                insert into treatment_record (appointment_id, administered_at, product, lot, lot_expiry, wasted_units,
                  override_reason, note, injector)
                values (:id, :at, :product, :lot, :expiry, :wasted, :override, :note, :injector)
                """).param("id", appointmentId).param("at", Timestamp.from(t.administeredAt()))
                .param("product", t.product()).param("lot", t.lot()).param("expiry", t.lotExpiry())
                .param("wasted", t.wastedUnits()).param("override", t.overrideReason()).param("note", t.note())
                .param("injector", t.injector()).update();
        int position = 0;
        for (InjectionSite site : t.sites()) {
            jdbc.sql("""
                    insert into treatment_site (appointment_id, position, muscle, other_muscle, side, injections, units)
                    values (:id, :position, :muscle, :other, :side, :injections, :units)
                    """).param("id", appointmentId).param("position", position++).param("muscle", site.muscle().name())
                    .param("other", site.otherMuscle()).param("side", site.side().name())
                    .param("injections", site.injections()).param("units", site.units()).update();
        }
    }

    @Override
    public Optional<Treatment> treatmentOf(UUID appointmentId) {
        List<InjectionSite> sites = jdbc.sql("""
                select muscle, other_muscle, side, injections, units from treatment_site
                where appointment_id = :id order by position
                """).param("id", appointmentId)
                .query((rs, n) -> new InjectionSite(Muscle.valueOf(rs.getString(1)), rs.getString(2),
                        Side.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5))).list();
        return jdbc.sql("select * from treatment_record where appointment_id = :id").param("id", appointmentId)
                .query((rs, n) -> new Treatment(rs.getTimestamp("administered_at").toInstant(), rs.getString("product"),
                        rs.getString("lot"), rs.getObject("lot_expiry", LocalDate.class), sites,
                        rs.getInt("wasted_units"), rs.getString("override_reason"), rs.getString("note"),
                        rs.getString("injector"))).optional();
    }

    @Override
    public void assignPatient(UUID referralId, UUID patientId) {
        jdbc.sql("insert into referral_patient (referral_id, patient_id) values (:r, :p) on conflict do nothing")
                .param("r", referralId).param("p", patientId).update();
    }

    /**
     * Each injection is kept in {@code outside_treatment}; the latest of those close together also holds its 84
     * days in {@code treatment_day} (an earlier one it overlaps gives way; a visit it overlaps keeps its place and
     * is refused when it is completed).
     */
    @Override
    public void recordOutsideTreatments(UUID patientId, List<LocalDate> days) {
        for (LocalDate day : days.stream().sorted().toList()) {
            jdbc.sql("insert into outside_treatment (patient_id, day) values (:p, :day) on conflict do nothing")
                    .param("p", patientId).param("day", day).update();
            jdbc.sql("""
                    delete from treatment_day where patient_id = :p and appointment_id is null and day < :day
                      and daterange(day, day + %d) && daterange(:day, :day + %d)
                    """.formatted(INTERVAL_DAYS, INTERVAL_DAYS)).param("p", patientId).param("day", day).update();
            jdbc.sql("insert into treatment_day (patient_id, day) values (:p, :day) on conflict do nothing")
                    .param("p", patientId).param("day", day).update();
        }
    }

    @Override
    public void confirm(UUID appointmentId, Instant start, Instant at) {
        jdbc.sql("""
                insert into visit_confirmation (appointment_id, start, confirmed_at) values (:id, :start, :at)
                on conflict (appointment_id) do update set start = excluded.start, confirmed_at = excluded.confirmed_at
                """).param("id", appointmentId).param("start", Timestamp.from(start)).param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Set<UUID> confirmed(Collection<Appointment> visits) {
        if (visits.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Instant> starts = visits.stream().collect(java.util.stream.Collectors.toMap(Appointment::id,
                Appointment::start, (a, b) -> a));
        Set<UUID> confirmed = new java.util.HashSet<>();
        jdbc.sql("select appointment_id, start from visit_confirmation where appointment_id in (:ids)")
                .param("ids", starts.keySet()).query((rs, n) -> {
                    UUID id = rs.getObject("appointment_id", UUID.class);
                    if (rs.getTimestamp("start").toInstant().equals(starts.get(id))) {
                        confirmed.add(id);
                    }
                    return id;
                }).list();
        return confirmed;
    }

    @Override
    public void authorizeCycle(UUID referralId, int cycle, LocalDate until) {
        jdbc.sql("""
                insert into cycle_authorization (referral_id, cycle, authorized_until) values (:r, :c, :until)
                on conflict (referral_id, cycle) do update set authorized_until = excluded.authorized_until
                """).param("r", referralId).param("c", cycle).param("until", until).update();
    }

    @Override
    public Optional<LocalDate> authorizedUntil(UUID referralId, int cycle) {
        return jdbc.sql("select authorized_until from cycle_authorization where referral_id = :r and cycle = :c")
                .param("r", referralId).param("c", cycle).query(LocalDate.class).optional();
    }

    @Override
    public List<LocalDate> otherTreatmentDays(UUID referralId) {
        // the patient looked up first by the referral's key, then their days through indexes: joined the other way
        // round the planner read all of referral_patient and treatment_day for every booking
        return jdbc.sql("""
                with p as materialized (select patient_id from referral_patient where referral_id = :r)
                select o.day from outside_treatment o
                where o.patient_id = (select patient_id from p)
                union
                select t.day from treatment_day t
                join appointment a on a.id = t.appointment_id
                where t.patient_id = (select patient_id from p) and a.referral_id <> :r and a.status = 'fulfilled'
                order by 1
                """).param("r", referralId).query(LocalDate.class).list();
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
        return search(from, to, providerId, status, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status, long skip,
            int limit) {
        return jdbc.sql("""
                select * from appointment
                where start_at >= :from and start_at < :to
                  and (cast(:provider as text) is null or provider_id = :provider)
                  and (cast(:status as text) is null or status = :status)
                order by start_at, provider_id, id
                offset :skip limit :limit
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("provider", providerId)
                .param("status", status == null ? null : status.name()).param("skip", skip).param("limit", limit)
                .query(AppointmentStore::appointment).list();
    }

    @Override
    public List<Appointment> waitingToMoveInto(Instant freedStart, boolean firstCourse, UUID excludedReferral,
            int limit) {
        return jdbc.sql("""
                select a.* from appointment a
                where a.status = 'booked' and a.start_at > :freed and a.referral_id <> :excluded
                  and (a.cycle = 1) = :firstCourse
                  and (a.not_before is null or a.not_before <= :freed)
                  and not exists (
                    select 1 from referral_patient p
                    join treatment_day t on t.patient_id = p.patient_id and t.appointment_id is distinct from a.id
                    where p.referral_id = a.referral_id
                      and daterange(t.day, t.day + %d) && daterange(:freedDay, :freedDay + %d))
                  and not exists (
                    select 1 from cycle_authorization c
                    where c.referral_id = a.referral_id and c.cycle = a.cycle and c.authorized_until < :freedDay)
                order by a.start_at desc limit :limit
                """.formatted(INTERVAL_DAYS, INTERVAL_DAYS)).param("freed", Timestamp.from(freedStart))
                .param("freedDay", day(freedStart)).param("firstCourse", firstCourse)
                .param("excluded", excludedReferral).param("limit", limit).query(AppointmentStore::appointment).list();
    }

    @Override
    public List<Appointment> ofReferral(UUID referralId) {
        return jdbc.sql("select * from appointment where referral_id = :id order by cycle, start_at")
                .param("id", referralId).query(AppointmentStore::appointment).list();
    }

    @Override
    public List<TakenSlot> taken(Instant from, Instant to) {
        // a range of the index on start_at: the slots starting in it, not the held visits of the day before
        return jdbc.sql("""
                select provider_id, start_at, end_at from appointment
                where status in ('booked', 'arrived', 'fulfilled') and start_at >= :from and start_at < :to
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new TakenSlot(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Also a notification to every instance listening ({@link ChangeNotifications}), delivered on commit. */
    @Override
    public long append(UUID appointmentId, FeedChange kind, Instant at) {
        long seq = jdbc.sql("""
                insert into appointment_change (appointment_id, kind, at) values (:id, :kind, :at) returning seq
                """).param("id", appointmentId).param("kind", kind.wireName()).param("at", Timestamp.from(at))
                .query(Long.class).single();
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", ChangeNotifications.CHANNEL)
                .param("payload", ChangeNotifications.payload(seq, appointmentId, kind))
                .query((rs, n) -> n).list();
        return seq;
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
                rs.getString("notes"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("calendar_sequence"));
    }
}
