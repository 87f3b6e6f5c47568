package clinic.migraine.eligibility.decision.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referral cases, decisions and reviews in Postgres. JSON columns hold reasons and the baseline facts. */
@Repository
public class DecisionStore {

    private final JdbcClient jdbc;

    public DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Case(UUID referralId, String policyId, String applicantJson, boolean withdrawn,
            Integer latestHeadacheDays, Instant latestHeadacheAt, int completedCycles) {
    }

    public record StoredDecision(UUID id, UUID referralId, int cycle, String outcome, String reasonsJson,
            String policyId, String policyVersion, String decidedBy, String clinician, String note, Instant decidedAt) {
    }

    public record Review(UUID id, UUID referralId, int cycle, String status, String openReasonsJson, String policyId,
            String policyVersion, String authorizationNumber, LocalDate authorizationValidUntil, String outcome,
            String note, String clinician, Instant openedAt, Instant closedAt) {
    }

    /** False when the referral was already known (a redelivery). */
    public boolean openCase(UUID referralId, String policyId, String applicantJson, Instant at) {
        return jdbc.sql("""
                insert into referral_case (referral_id, policy_id, applicant, received_at)
                values (:id, :policy, cast(:applicant as jsonb), :at) on conflict do nothing
                """).param("id", referralId).param("policy", policyId).param("applicant", applicantJson)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public Optional<Case> findCase(UUID referralId) {
        return jdbc.sql("""
                select c.*, (select count(*) from treated_cycle t where t.referral_id = c.referral_id) as completed
                from referral_case c where referral_id = :id for update
                """).param("id", referralId)
                .query((rs, n) -> new Case(rs.getObject("referral_id", UUID.class), rs.getString("policy_id"),
                        rs.getString("applicant"), rs.getBoolean("withdrawn"),
                        (Integer) rs.getObject("latest_headache_days"),
                        rs.getTimestamp("latest_headache_at") == null ? null : rs.getTimestamp("latest_headache_at").toInstant(),
                        rs.getInt("completed")))
                .optional();
    }

    public Optional<Case> findCaseReadOnly(UUID referralId) {
        return jdbc.sql("select c.*, 0 as completed from referral_case c where referral_id = :id").param("id", referralId)
                .query((rs, n) -> new Case(rs.getObject("referral_id", UUID.class), rs.getString("policy_id"),
                        rs.getString("applicant"), rs.getBoolean("withdrawn"), null, null, 0))
                .optional();
    }

    public void treated(UUID referralId, int cycle) {
        jdbc.sql("insert into treated_cycle (referral_id, cycle) values (:id, :cycle) on conflict do nothing")
                .param("id", referralId).param("cycle", cycle).update();
    }

    /** Keeps the newest diary answer, whatever order answers arrive in. */
    public void latestHeadacheDays(UUID referralId, int days, Instant at) {
        jdbc.sql("""
                update referral_case set latest_headache_days = :days, latest_headache_at = :at
                where referral_id = :id and (latest_headache_at is null or latest_headache_at < :at)
                """).param("days", days).param("at", Timestamp.from(at)).param("id", referralId).update();
    }

    public void withdraw(UUID referralId) {
        jdbc.sql("update referral_case set withdrawn = true where referral_id = :id").param("id", referralId).update();
    }

    /** False when the rules already decided this cycle. */
    public boolean insertDecision(StoredDecision d) {
        return jdbc.sql("""
                insert into decision (id, referral_id, cycle, outcome, reasons, policy_id, policy_version, decided_by,
                  clinician, note, decided_at)
                values (:id, :referralId, :cycle, :outcome, cast(:reasons as jsonb), :policyId, :policyVersion,
                  :decidedBy, :clinician, :note, :at)
                on conflict do nothing
                """).param("id", d.id()).param("referralId", d.referralId()).param("cycle", d.cycle())
                .param("outcome", d.outcome()).param("reasons", d.reasonsJson()).param("policyId", d.policyId())
                .param("policyVersion", d.policyVersion()).param("decidedBy", d.decidedBy())
                .param("clinician", d.clinician()).param("note", d.note()).param("at", Timestamp.from(d.decidedAt()))
                .update() == 1;
    }

    public List<StoredDecision> decisions(UUID referralId) {
        return jdbc.sql("select * from decision where referral_id = :id order by decided_at").param("id", referralId)
                .query(DecisionStore::decision).list();
    }

    public void openReview(UUID id, UUID referralId, int cycle, String reasonsJson, String policyId,
            String policyVersion, Instant at) {
        jdbc.sql("""
                insert into review (id, referral_id, cycle, status, open_reasons, policy_id, policy_version, opened_at)
                values (:id, :referralId, :cycle, 'OPEN', cast(:reasons as jsonb), :policyId, :policyVersion, :at)
                on conflict do nothing
                """).param("id", id).param("referralId", referralId).param("cycle", cycle).param("reasons", reasonsJson)
                .param("policyId", policyId).param("policyVersion", policyVersion).param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Review> review(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from review where id = :id" + (forUpdate ? " for update" : "")).param("id", id)
                .query(DecisionStore::review).optional();
    }

    public List<Review> reviews(String status, int limit) {
        return jdbc.sql("""
                select * from review where (cast(:status as text) is null or status = :status)
                order by opened_at limit :limit
                """).param("status", status).param("limit", limit).query(DecisionStore::review).list();
    }

    /** Closed and withdrawn reviews, the most recently closed first. */
    public List<Review> recentlyClosed(int limit) {
        return jdbc.sql("select * from review where status <> 'OPEN' order by closed_at desc limit :limit")
                .param("limit", limit).query(DecisionStore::review).list();
    }

    public long countOpen() {
        return jdbc.sql("select count(*) from review where status = 'OPEN'").query(Long.class).single();
    }

    public void authorize(UUID id, String number, LocalDate validUntil, String remainingReasonsJson) {
        jdbc.sql("""
                update review set authorization_number = :number, authorization_valid_until = :until,
                  open_reasons = cast(:reasons as jsonb) where id = :id
                """).param("number", number).param("until", validUntil).param("reasons", remainingReasonsJson)
                .param("id", id).update();
    }

    public void close(UUID id, String status, String outcome, String note, String clinician, Instant at) {
        jdbc.sql("""
                update review set status = :status, outcome = :outcome, note = :note, clinician = :clinician,
                  closed_at = :at where id = :id
                """).param("status", status).param("outcome", outcome).param("note", note).param("clinician", clinician)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public List<UUID> openReviewsOf(UUID referralId) {
        return jdbc.sql("select id from review where referral_id = :id and status = 'OPEN'").param("id", referralId)
                .query(UUID.class).list();
    }

    private static StoredDecision decision(ResultSet rs, int n) throws SQLException {
        return new StoredDecision(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getInt("cycle"), rs.getString("outcome"), rs.getString("reasons"), rs.getString("policy_id"),
                rs.getString("policy_version"), rs.getString("decided_by"), rs.getString("clinician"),
                rs.getString("note"), rs.getTimestamp("decided_at").toInstant());
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Review(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                rs.getString("status"), rs.getString("open_reasons"), rs.getString("policy_id"),
                rs.getString("policy_version"), rs.getString("authorization_number"),
                rs.getObject("authorization_valid_until", LocalDate.class), rs.getString("outcome"),
                rs.getString("note"), rs.getString("clinician"), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
