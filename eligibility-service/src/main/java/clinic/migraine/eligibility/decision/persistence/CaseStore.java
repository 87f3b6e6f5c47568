package clinic.migraine.eligibility.decision.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.domain.Authorizations;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.DiaryReport;
import clinic.migraine.eligibility.decision.domain.ReferralCase;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code referral_case}, {@code treated_cycle}, {@code diary_report} and outside treatment tables. */
@Repository
class CaseStore implements ReferralCases {

    private final JdbcClient jdbc;
    private final StoredJson json;
    private final Authorizations authorizations;

    CaseStore(JdbcClient jdbc, StoredJson json, Authorizations authorizations) {
        this.jdbc = jdbc;
        this.json = json;
        this.authorizations = authorizations;
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
        return jdbc.sql("select * from referral_case where referral_id = :id for update").param("id", referralId)
                .query((rs, n) -> new Locked(json.baseline(rs.getString("applicant")), rs.getString("policy_id"),
                        rs.getBoolean("withdrawn")))
                .optional().map(locked -> {
                    PatientTreatments treatments = treatments(referralId);
                    List<DiaryReport> reports = jdbc.sql("""
                            select cycle, headache_days, reported_at from diary_report where referral_id = :id
                            """).param("id", referralId).query((rs, n) -> new DiaryReport(rs.getInt("cycle"),
                                    rs.getInt("headache_days"), rs.getTimestamp("reported_at").toInstant())).list();
                    return new ReferralCase(referralId, locked.policyId(), locked.baseline(), locked.withdrawn(),
                            treatments.count(), treatments.last(), reports,
                            authorizations.onFile(referralId).map(Authorizations.Recorded::authorization)
                                    .orElse(null));
                });
    }

    private record Locked(Baseline baseline, String policyId, boolean withdrawn) {
    }

    private record PatientTreatments(int count, LocalDate last) {
    }

    /** The patient's treatments on every referral and those reported from elsewhere (each day once). */
    private PatientTreatments treatments(UUID referralId) {
        return jdbc.sql("""
                with mine as (
                  select r.referral_id from referral_case r, referral_case me
                  where me.referral_id = :id and (r.referral_id = me.referral_id or r.patient_id = me.patient_id)),
                here as (select t.treatment_day from treated_cycle t join mine using (referral_id)),
                elsewhere as (select distinct o.day from referral_outside_treatment o join mine using (referral_id))
                select (select count(*) from here) + (select count(*) from elsewhere) as count,
                       greatest((select max(treatment_day) from here), (select max(day) from elsewhere)) as last
                """).param("id", referralId).query((rs, n) -> new PatientTreatments(rs.getInt("count"),
                        rs.getObject("last", LocalDate.class))).single();
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
    public void recordTreatedCycle(UUID referralId, int cycle, LocalDate day) {
        jdbc.sql("""
                insert into treated_cycle (referral_id, cycle, treatment_day) values (:id, :cycle, :day)
                on conflict (referral_id, cycle) do update set treatment_day = coalesce(excluded.treatment_day,
                  treated_cycle.treatment_day)
                """).param("id", referralId).param("cycle", cycle).param("day", day).update();
    }

    @Override
    public void recordDiaryReport(UUID referralId, int cycle, int headacheDays, Instant at) {
        jdbc.sql("""
                insert into diary_report (referral_id, cycle, headache_days, reported_at)
                values (:id, :cycle, :days, :at) on conflict do nothing
                """).param("id", referralId).param("cycle", cycle).param("days", headacheDays)
                .param("at", Timestamp.from(at)).update();
    }

    @Override
    public void markWithdrawn(UUID referralId) {
        jdbc.sql("update referral_case set withdrawn = true where referral_id = :id").param("id", referralId).update();
    }
}
