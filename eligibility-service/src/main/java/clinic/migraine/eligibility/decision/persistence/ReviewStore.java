package clinic.migraine.eligibility.decision.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.domain.Review;
import clinic.migraine.eligibility.decision.domain.ReviewStatus;
import clinic.migraine.eligibility.decision.domain.Reviews;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code review} table. */
@Repository
class ReviewStore implements Reviews {

    private final JdbcClient jdbc;
    private final StoredJson json;

    ReviewStore(JdbcClient jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(Review r) {
        jdbc.sql("""
                insert into review (id, referral_id, cycle, status, open_reasons, policy_id, policy_version, opened_at)
                values (:id, :referralId, :cycle, :status, cast(:reasons as jsonb), :policyId, :policyVersion, :at)
                on conflict do nothing
                """).param("id", r.id()).param("referralId", r.referralId()).param("cycle", r.cycle())
                .param("status", r.status().name()).param("reasons", json.reasons(r.openReasons()))
                .param("policyId", r.policyId()).param("policyVersion", r.policyVersion())
                .param("at", Timestamp.from(r.openedAt()))
                .update();
    }

    @Override
    public void save(Review r) {
        jdbc.sql("""
                update review set status = :status, open_reasons = cast(:reasons as jsonb),
                  authorization_number = :number, authorization_valid_until = :until, outcome = :outcome,
                  note = :note, clinician = :clinician, closed_at = :closedAt
                where id = :id
                """).param("status", r.status().name()).param("reasons", json.reasons(r.openReasons()))
                .param("number", r.authorizationNumber()).param("until", r.authorizationValidUntil())
                .param("outcome", r.outcome() == null ? null : r.outcome().name()).param("note", r.note())
                .param("clinician", r.clinician())
                .param("closedAt", r.closedAt() == null ? null : Timestamp.from(r.closedAt()))
                .param("id", r.id()).update();
    }

    @Override
    public Optional<Review> find(UUID id) {
        return jdbc.sql("select * from review where id = :id").param("id", id).query(this::review).optional();
    }

    @Override
    public Optional<Review> lock(UUID id) {
        return jdbc.sql("select * from review where id = :id for update").param("id", id).query(this::review)
                .optional();
    }

    @Override
    public List<Review> withStatus(ReviewStatus status, int limit) {
        return jdbc.sql("""
                select * from review where (cast(:status as text) is null or status = :status)
                order by opened_at limit :limit
                """).param("status", status == null ? null : status.name()).param("limit", limit)
                .query(this::review).list();
    }

    @Override
    public List<Review> recentlyClosed(int limit) {
        return jdbc.sql("select * from review where status <> 'OPEN' order by closed_at desc limit :limit")
                .param("limit", limit).query(this::review).list();
    }

    @Override
    public long countOpen() {
        return jdbc.sql("select count(*) from review where status = 'OPEN'").query(Long.class).single();
    }

    @Override
    public List<Review> openOf(UUID referralId) {
        return jdbc.sql("select * from review where referral_id = :id and status = 'OPEN'").param("id", referralId)
                .query(this::review).list();
    }

    private Review review(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        String outcome = rs.getString("outcome");
        return new Review(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                ReviewStatus.valueOf(rs.getString("status")), json.reasons(rs.getString("open_reasons")),
                rs.getString("policy_id"), rs.getString("policy_version"), rs.getString("authorization_number"),
                rs.getObject("authorization_valid_until", LocalDate.class),
                outcome == null ? null : EligibilityOutcome.valueOf(outcome), rs.getString("note"),
                rs.getString("clinician"), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
