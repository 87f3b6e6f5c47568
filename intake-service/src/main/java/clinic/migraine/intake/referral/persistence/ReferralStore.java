package clinic.migraine.intake.referral.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.intake.referral.domain.ContactChannel;
import clinic.migraine.intake.referral.domain.DecisionLine;
import clinic.migraine.intake.referral.domain.EligibilityOutcome;
import clinic.migraine.intake.referral.domain.IdempotencyKeys;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralDraft;
import clinic.migraine.intake.referral.domain.ReferralFacts;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.intake.referral.domain.ReferralTimeline;
import clinic.migraine.intake.referral.domain.Referrals;
import clinic.migraine.intake.referral.domain.TimelineLine;
import clinic.migraine.intake.referral.domain.VisitLine;
import clinic.migraine.intake.referral.domain.VisitState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Referrals, their idempotency keys, the events seen about them and their appointments, in Postgres. */
@Repository
class ReferralStore implements Referrals, IdempotencyKeys, ReferralTimeline {

    private static final TypeReference<List<ProgressReport.ReportedReason>> REASONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReferralStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(Referral r) {
        jdbc.sql("""
                insert into referral (id, patient_id, first_name, last_name, date_of_birth, email, phone, time_zone,
                  preferred_channel, referrer_name, referrer_npi, payer_policy, member_id, diagnosis_code, clinical,
                  status, created_at)
                values (:id, :patientId, :firstName, :lastName, :dateOfBirth, :email, :phone, :timeZone,
                  :preferredChannel, :referrerName, :referrerNpi, :payerPolicy, :memberId, :diagnosisCode,
                  cast(:clinical as jsonb), 'RECEIVED', :createdAt)
                """)
                .param("id", r.id()).param("patientId", r.patientId()).param("firstName", r.firstName())
                .param("lastName", r.lastName()).param("dateOfBirth", r.dateOfBirth()).param("email", r.email())
                .param("phone", r.phone()).param("timeZone", r.timeZone()).param("preferredChannel", r.preferredChannel().name())
                .param("referrerName", r.referrerName()).param("referrerNpi", r.referrerNpi())
                .param("payerPolicy", r.payerPolicy()).param("memberId", r.memberId())
                .param("diagnosisCode", r.diagnosisCode()).param("clinical", r.clinicalJson())
                .param("createdAt", Timestamp.from(r.createdAt()))
                .update();
    }

    /** Claims the key; false if it was taken (by an earlier or a concurrent request). */
    @Override
    public boolean claim(String key, String requestHash, UUID referralId) {
        return jdbc.sql("""
                insert into idempotency_key (key, request_hash, referral_id) values (:key, :hash, :id)
                on conflict (key) do nothing
                """).param("key", key).param("hash", requestHash).param("id", referralId).update() == 1;
    }

    @Override
    public Optional<Claim> find(String key) {
        return jdbc.sql("select request_hash, referral_id from idempotency_key where key = :key").param("key", key)
                .query((rs, n) -> new Claim(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Optional<Referral> find(UUID id) {
        return jdbc.sql("select * from referral where id = :id").param("id", id).query(ReferralStore::referral).optional();
    }

    @Override
    public Optional<Referral> lock(UUID id) {
        return jdbc.sql("select * from referral where id = :id for update").param("id", id)
                .query(ReferralStore::referral).optional();
    }

    @Override
    public List<Referral> search(ReferralStatus status, String query, int page, int size) {
        return jdbc.sql("""
                select * from referral
                where (cast(:status as text) is null or status = :status)
                  and (cast(:q as text) is null or lower(first_name) like :q or lower(last_name) like :q
                       or lower(member_id) like :q or lower(first_name || ' ' || last_name) like :q)
                order by created_at desc, id
                limit :size offset :offset
                """)
                .param("status", status == null ? null : status.name())
                .param("q", like(query))
                .param("size", size).param("offset", (long) page * size)
                .query(ReferralStore::referral).list();
    }

    @Override
    public long count(ReferralStatus status, String query) {
        return jdbc.sql("""
                select count(*) from referral
                where (cast(:status as text) is null or status = :status)
                  and (cast(:q as text) is null or lower(first_name) like :q or lower(last_name) like :q
                       or lower(member_id) like :q or lower(first_name || ' ' || last_name) like :q)
                """)
                .param("status", status == null ? null : status.name())
                .param("q", like(query))
                .query(Long.class).single();
    }

    private static String like(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String escaped = query.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    @Override
    public void addOutsideTreatments(UUID referralId, List<ReferralDraft.OutsideTreatment> treatments) {
        for (int i = 0; i < treatments.size(); i++) {
            ReferralDraft.OutsideTreatment t = treatments.get(i);
            jdbc.sql("""
                    insert into outside_treatment (referral_id, position, treated_on, units, clinic)
                    values (:referralId, :position, :date, :units, :clinic)
                    """).param("referralId", referralId).param("position", i).param("date", t.date())
                    .param("units", t.units()).param("clinic", t.clinic()).update();
        }
    }

    @Override
    public List<ReferralDraft.OutsideTreatment> outsideTreatments(UUID referralId) {
        return jdbc.sql("""
                select treated_on, units, clinic from outside_treatment where referral_id = :id
                order by treated_on, position
                """).param("id", referralId)
                .query((rs, n) -> new ReferralDraft.OutsideTreatment(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        rs.getString(3)))
                .list();
    }

    @Override
    public List<Referral> ofPatient(UUID patientId) {
        return jdbc.sql("select * from referral where patient_id = :id order by created_at, id")
                .param("id", patientId).query(ReferralStore::referral).list();
    }

    @Override
    public void markWithdrawn(Referral.Withdrawn w) {
        jdbc.sql("update referral set withdrawn_at = :at, withdrawal_reason = :reason where id = :id")
                .param("at", Timestamp.from(w.at())).param("reason", w.reason()).param("id", w.referralId()).update();
    }

    @Override
    public void updateStatus(UUID id, ReferralStatus status) {
        jdbc.sql("update referral set status = :status where id = :id").param("status", status.name()).param("id", id)
                .update();
    }

    /** One line of the timeline; the same event again changes nothing. */
    @Override
    public void record(ProgressReport e) {
        jdbc.sql("""
                insert into referral_event (event_id, referral_id, occurred_at, event, summary, cycle, outcome, reasons, actor)
                values (:eventId, :referralId, :at, :event, :summary, :cycle, :outcome, cast(:reasons as jsonb), :actor)
                on conflict (event_id) do nothing
                """)
                .param("eventId", e.eventId()).param("referralId", e.referralId())
                .param("at", Timestamp.from(e.at())).param("event", e.event()).param("summary", e.summary())
                .param("cycle", e.cycle()).param("outcome", e.outcome() == null ? null : e.outcome().name())
                // a decision's reasons (maybe none); other lines have no reasons at all
                .param("reasons", e.outcome() == null ? null : json.writeValueAsString(e.reasons()))
                .param("actor", e.actor())
                .update();
    }

    @Override
    public List<TimelineLine> lines(UUID referralId) {
        return jdbc.sql("""
                select occurred_at, event, summary, actor from referral_event where referral_id = :id
                order by occurred_at, event
                """)
                .param("id", referralId)
                .query((rs, n) -> new TimelineLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    @Override
    public List<DecisionLine> decisions(UUID referralId) {
        return jdbc.sql("""
                select cycle, outcome, reasons, occurred_at from referral_event
                where referral_id = :id and event = 'EligibilityDetermined' order by cycle, occurred_at
                """).param("id", referralId)
                .query((rs, n) -> new DecisionLine(rs.getInt(1), EligibilityOutcome.valueOf(rs.getString(2)), reasons(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private List<Integer> treatedCycles(UUID referralId) {
        return jdbc.sql("select cycle from referral_event where referral_id = :id and event = 'TreatmentCompleted'")
                .param("id", referralId).query(Integer.class).list();
    }

    /** A booking; a later event about the same appointment may already have arrived and then wins. */
    private void appointmentBooked(UUID id, UUID referralId, int cycle, Instant start, Instant end, String providerId,
            String providerName, String location, String clinicZone, Instant at) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, start_at, end_at, provider_id, provider_name, location, clinic_zone, status, updated_at)
                values (:id, :referralId, :cycle, :start, :end, :provider, :providerName, :location, :zone, 'BOOKED', :at)
                on conflict (id) do nothing
                """)
                .param("id", id).param("referralId", referralId).param("cycle", cycle)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("provider", providerId)
                .param("providerName", providerName).param("location", location).param("zone", clinicZone).param("at", Timestamp.from(at))
                .update();
    }

    private void appointmentMoved(UUID id, UUID referralId, int cycle, Instant start, Instant end, String providerId,
            String providerName, String location, String clinicZone, Instant at) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, start_at, end_at, provider_id, provider_name, location, clinic_zone, status, updated_at)
                values (:id, :referralId, :cycle, :start, :end, :provider, :providerName, :location, :zone, 'BOOKED', :at)
                on conflict (id) do update set start_at = excluded.start_at, end_at = excluded.end_at,
                  provider_id = excluded.provider_id, provider_name = excluded.provider_name, location = excluded.location,
                  updated_at = excluded.updated_at
                where appointment.status = 'BOOKED' and appointment.updated_at <= excluded.updated_at
                """)
                .param("id", id).param("referralId", referralId).param("cycle", cycle)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("provider", providerId)
                .param("providerName", providerName).param("location", location).param("zone", clinicZone).param("at", Timestamp.from(at))
                .update();
    }

    /** Cancelled, no-show or fulfilled: final whatever arrives after. */
    private void appointmentEnded(UUID id, UUID referralId, int cycle, Instant start, String status, Instant at) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, start_at, end_at, provider_id, location, clinic_zone, status, updated_at)
                values (:id, :referralId, :cycle, :start, :start, '', '', 'UTC', :status, :at)
                on conflict (id) do update set status = excluded.status, updated_at = excluded.updated_at
                """)
                .param("id", id).param("referralId", referralId).param("cycle", cycle)
                .param("start", Timestamp.from(start)).param("status", status).param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public void apply(UUID referralId, ProgressReport.VisitChange v, Instant at) {
        switch (v.kind()) {
            case BOOKED -> appointmentBooked(v.appointmentId(), referralId, v.cycle(), v.start(), v.end(),
                    v.providerId(), v.providerName(), v.location(), v.clinicZone(), at);
            case MOVED -> appointmentMoved(v.appointmentId(), referralId, v.cycle(), v.start(), v.end(),
                    v.providerId(), v.providerName(), v.location(), v.clinicZone(), at);
            case ENDED -> appointmentEnded(v.appointmentId(), referralId, v.cycle(), v.start(), v.endStatus().name(), at);
        }
    }

    @Override
    public List<VisitLine> visits(UUID referralId) {
        return jdbc.sql("select * from appointment where referral_id = :id order by start_at").param("id", referralId)
                .query(ReferralStore::appointment).list();
    }

    private List<ProgressReport.ReportedReason> reasons(String stored) {
        return stored == null ? List.of() : json.readValue(stored, REASONS);
    }

    @Override
    public ReferralFacts facts(UUID referralId, boolean withdrawn) {
        List<ReferralFacts.CycleOutcome> decisions = decisions(referralId).stream()
                .map(d -> new ReferralFacts.CycleOutcome(d.cycle(), d.outcome(), d.occurredAt())).toList();
        List<ReferralFacts.Visit> appointments = visits(referralId).stream()
                .map(a -> new ReferralFacts.Visit(a.cycle(), a.status())).toList();
        return new ReferralFacts(withdrawn, decisions, appointments, treatedCycles(referralId));
    }

    private static VisitLine appointment(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("clinic_zone"));
        return new VisitLine(rs.getObject("id", UUID.class), rs.getInt("cycle"),
                rs.getTimestamp("start_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getTimestamp("end_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getString("provider_id"), rs.getString("provider_name"), rs.getString("location"),
                VisitState.valueOf(rs.getString("status")));
    }

    private static Referral referral(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("email"), rs.getString("phone"), rs.getString("time_zone"),
                ContactChannel.valueOf(rs.getString("preferred_channel")), rs.getString("referrer_name"), rs.getString("referrer_npi"),
                rs.getString("payer_policy"), rs.getString("member_id"), rs.getString("diagnosis_code"),
                rs.getString("clinical"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getString("withdrawal_reason"));
    }
}
