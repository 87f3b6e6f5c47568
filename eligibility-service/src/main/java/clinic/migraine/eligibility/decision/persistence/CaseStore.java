package clinic.migraine.eligibility.decision.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.ReferralCase;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code referral_case} and {@code treated_cycle} tables. */
@Repository
class CaseStore implements ReferralCases {

    private final JdbcClient jdbc;
    private final StoredJson json;

    CaseStore(JdbcClient jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean open(UUID referralId, String policyId, Baseline baseline, Instant at) {
        return jdbc.sql("""
                insert into referral_case (referral_id, policy_id, applicant, received_at)
                values (:id, :policy, cast(:applicant as jsonb), :at) on conflict do nothing
                """).param("id", referralId).param("policy", policyId).param("applicant", json.baseline(baseline))
                .param("at", Timestamp.from(at)).update() == 1;
    }

    @Override
    public Optional<ReferralCase> lock(UUID referralId) {
        return jdbc.sql("""
                select c.*, (select count(*) from treated_cycle t where t.referral_id = c.referral_id) as completed
                from referral_case c where referral_id = :id for update
                """).param("id", referralId)
                .query((rs, n) -> new ReferralCase(rs.getObject("referral_id", UUID.class), rs.getString("policy_id"),
                        json.baseline(rs.getString("applicant")), rs.getBoolean("withdrawn"),
                        (Integer) rs.getObject("latest_headache_days"),
                        rs.getTimestamp("latest_headache_at") == null ? null
                                : rs.getTimestamp("latest_headache_at").toInstant(),
                        rs.getInt("completed")))
                .optional();
    }

    @Override
    public Optional<Baseline> baseline(UUID referralId) {
        return jdbc.sql("select applicant from referral_case where referral_id = :id").param("id", referralId)
                .query(String.class).optional().map(json::baseline);
    }

    @Override
    public void recordPatient(UUID referralId, UUID patientId, List<LocalDate> treatedElsewhere) {
        jdbc.sql("update referral_case set patient_id = :patient where referral_id = :id and patient_id is null")
                .param("patient", patientId).param("id", referralId).update();
        for (LocalDate day : treatedElsewhere) {
            jdbc.sql("insert into referral_outside_treatment (referral_id, day) values (:id, :day) on conflict do nothing")
                    .param("id", referralId).param("day", day).update();
        }
    }

    @Override
    public Optional<PatientOfReferral> patientOf(UUID referralId) {
        List<LocalDate> days = jdbc.sql("select day from referral_outside_treatment where referral_id = :id order by day")
                .param("id", referralId).query(LocalDate.class).list();
        return jdbc.sql("select patient_id from referral_case where referral_id = :id and patient_id is not null")
                .param("id", referralId).query(UUID.class).optional()
                .map(patient -> new PatientOfReferral(patient, days));
    }

    @Override
    public void recordTreatedCycle(UUID referralId, int cycle) {
        jdbc.sql("insert into treated_cycle (referral_id, cycle) values (:id, :cycle) on conflict do nothing")
                .param("id", referralId).param("cycle", cycle).update();
    }

    @Override
    public void recordLatestHeadacheDays(UUID referralId, int days, Instant at) {
        jdbc.sql("""
                update referral_case set latest_headache_days = :days, latest_headache_at = :at
                where referral_id = :id and (latest_headache_at is null or latest_headache_at < :at)
                """).param("days", days).param("at", Timestamp.from(at)).param("id", referralId).update();
    }

    @Override
    public void markWithdrawn(UUID referralId) {
        jdbc.sql("update referral_case set withdrawn = true where referral_id = :id").param("id", referralId).update();
    }
}
