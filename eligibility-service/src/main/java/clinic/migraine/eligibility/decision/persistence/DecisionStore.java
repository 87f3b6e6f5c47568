package clinic.migraine.eligibility.decision.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.CycleDecisions;
import clinic.migraine.eligibility.decision.domain.DecidedBy;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code decision} table; a unique index keeps one decision by the rules per cycle. */
@Repository
class DecisionStore implements CycleDecisions {

    private final JdbcClient jdbc;
    private final StoredJson json;

    DecisionStore(JdbcClient jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean add(CycleDecision d) {
        return jdbc.sql("""
                insert into decision (id, referral_id, cycle, outcome, reasons, policy_id, policy_version, decided_by,
                  clinician, note, decided_at, relied_on_authorization)
                values (:id, :referralId, :cycle, :outcome, cast(:reasons as jsonb), :policyId, :policyVersion,
                  :decidedBy, :clinician, :note, :at, cast(:authorization as jsonb))
                on conflict do nothing
                """).param("id", d.id()).param("referralId", d.referralId()).param("cycle", d.cycle())
                .param("outcome", d.outcome().name()).param("reasons", json.reasons(d.reasons()))
                .param("policyId", d.policyId()).param("policyVersion", d.policyVersion())
                .param("decidedBy", d.decidedBy().name()).param("clinician", d.clinician()).param("note", d.note())
                .param("at", Timestamp.from(d.decidedAt()))
                .param("authorization", d.authorization() == null ? null : json.authorization(d.authorization()))
                .update() == 1;
    }

    @Override
    public List<CycleDecision> ofReferral(UUID referralId) {
        return jdbc.sql("select * from decision where referral_id = :id order by decided_at").param("id", referralId)
                .query(this::decision).list();
    }

    private CycleDecision decision(ResultSet rs, int n) throws SQLException {
        return new CycleDecision(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getInt("cycle"), EligibilityOutcome.valueOf(rs.getString("outcome")),
                json.reasons(rs.getString("reasons")), rs.getString("policy_id"), rs.getString("policy_version"),
                DecidedBy.valueOf(rs.getString("decided_by")), rs.getString("clinician"), rs.getString("note"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("relied_on_authorization") == null ? null
                        : json.authorization(rs.getString("relied_on_authorization")));
    }
}
