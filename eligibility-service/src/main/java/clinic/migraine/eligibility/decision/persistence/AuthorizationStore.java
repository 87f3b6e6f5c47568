package clinic.migraine.eligibility.decision.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.domain.Authorizations;
import clinic.migraine.eligibility.policy.domain.Authorization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code prior_authorization} table. An authorization belongs to the patient and the payer policy; the
 * treatments it covered are the patient's treatments under that policy inside its dates, from every referral.
 */
@Repository
class AuthorizationStore implements Authorizations {

    /** The referral's patient (or the referral alone when its patient is not known) under its payer policy. */
    private static final String HOLDER = """
            with holder as (select referral_id, patient_id, policy_id from referral_case where referral_id = :id)
            """;

    private final JdbcClient jdbc;

    AuthorizationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Recorded r) {
        Authorization a = r.authorization();
        jdbc.sql("""
                insert into prior_authorization (id, referral_id, patient_id, policy_id, number, valid_from,
                  valid_until, treatments_authorized, recorded_by, recorded_at)
                values (:id, :referral, :patient, :policy, :number, :from, :until, :authorized, :by, :at)
                """).param("id", r.id()).param("referral", r.referralId()).param("patient", r.patientId())
                .param("policy", r.policyId()).param("number", a.number()).param("from", a.validFrom())
                .param("until", a.validUntil()).param("authorized", a.treatmentsAuthorized())
                .param("by", r.recordedBy()).param("at", Timestamp.from(r.recordedAt())).update();
    }

    @Override
    public int treatmentsUsed(UUID referralId, LocalDate from, LocalDate until) {
        return jdbc.sql(HOLDER + """
                select count(*) from treated_cycle t
                join referral_case c on c.referral_id = t.referral_id
                join holder h on c.policy_id = h.policy_id
                  and (c.patient_id = h.patient_id or c.referral_id = h.referral_id)
                where t.treatment_day between :from and :until
                """).param("id", referralId).param("from", from).param("until", until).query(Integer.class).single();
    }

    @Override
    public Optional<Recorded> onFile(UUID referralId) {
        return jdbc.sql(HOLDER + """
                select a.* from prior_authorization a
                join holder h on a.policy_id = h.policy_id
                  and (a.patient_id = h.patient_id or a.referral_id = h.referral_id)
                order by a.recorded_at desc limit 1
                """).param("id", referralId).query(this::stored).optional().map(this::counted);
    }

    @Override
    public List<Recorded> expiring(LocalDate endsBy, int treatmentsLeft, int limit) {
        return jdbc.sql("""
                select * from (
                  select distinct on (coalesce(a.patient_id, a.referral_id), a.policy_id) a.*
                  from prior_authorization a
                  order by coalesce(a.patient_id, a.referral_id), a.policy_id, a.recorded_at desc) newest
                where exists (select 1 from referral_case c where c.referral_id = newest.referral_id and not c.withdrawn)
                order by valid_until
                """).query(this::stored).stream().map(this::counted)
                .filter(r -> !r.authorization().validUntil().isAfter(endsBy)
                        || r.authorization().treatmentsLeft() <= treatmentsLeft)
                .sorted(Comparator.comparing((Recorded r) -> r.authorization().validUntil()))
                .limit(limit).toList();
    }

    private Recorded counted(Recorded r) {
        Authorization a = r.authorization();
        int used = treatmentsUsed(r.referralId(), a.validFrom(), a.validUntil());
        return new Recorded(r.id(), r.referralId(), r.patientId(), r.policyId(), new Authorization(a.number(),
                a.validFrom(), a.validUntil(), a.treatmentsAuthorized(), used), r.recordedBy(), r.recordedAt());
    }

    private Recorded stored(ResultSet rs, int n) throws SQLException {
        return new Recorded(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getString("policy_id"),
                new Authorization(rs.getString("number"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class), rs.getInt("treatments_authorized"), 0),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
