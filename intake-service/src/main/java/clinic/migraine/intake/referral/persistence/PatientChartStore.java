package clinic.migraine.intake.referral.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.intake.referral.domain.ChartNews;
import clinic.migraine.intake.referral.domain.PatientCharts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Treatments, diary reports and payer terms in Postgres, keyed by the event that brought them. */
@Repository
class PatientChartStore implements PatientCharts {

    private final JdbcClient jdbc;

    PatientChartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ChartNews news) {
        if (news instanceof ChartNews.TreatmentGiven t) {
            jdbc.sql("""
                    insert into treatment (event_id, referral_id, cycle, treated_on, units)
                    values (:event, :referral, :cycle, :date, :units) on conflict (event_id) do nothing
                    """).param("event", t.eventId()).param("referral", t.referralId()).param("cycle", t.cycle())
                    .param("date", t.date()).param("units", t.units()).update();
        } else if (news instanceof ChartNews.DiaryReported d) {
            jdbc.sql("""
                    insert into diary_report (event_id, referral_id, cycle, reported_at, headache_days)
                    values (:event, :referral, :cycle, :at, :days) on conflict (event_id) do nothing
                    """).param("event", d.eventId()).param("referral", d.referralId()).param("cycle", d.cycle())
                    .param("at", Timestamp.from(d.at())).param("days", d.headacheDays()).update();
        } else if (news instanceof ChartNews.PayerTerms p) {
            ChartNews.Authorization a = p.authorization();
            jdbc.sql("""
                    insert into decision_detail (event_id, referral_id, cycle, decided_at, authorization_number,
                      valid_from, valid_until, treatments_authorized, treatments_used, continuation_headache_days)
                    values (:event, :referral, :cycle, :at, :number, :from, :until, :authorized, :used, :line)
                    on conflict (event_id) do nothing
                    """).param("event", p.eventId()).param("referral", p.referralId()).param("cycle", p.cycle())
                    .param("at", Timestamp.from(p.at()))
                    .param("number", a == null ? null : a.number())
                    .param("from", a == null ? null : a.validFrom())
                    .param("until", a == null ? null : a.validUntil())
                    .param("authorized", a == null ? null : a.treatmentsAuthorized())
                    .param("used", a == null ? null : a.treatmentsUsed())
                    .param("line", p.continuationHeadacheDays()).update();
        }
    }

    @Override
    public List<ChartNews.TreatmentGiven> treatments(UUID referralId) {
        return jdbc.sql("""
                select event_id, referral_id, cycle, treated_on, units from treatment where referral_id = :id
                order by treated_on, cycle
                """).param("id", referralId)
                .query((rs, n) -> new ChartNews.TreatmentGiven(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
    }

    @Override
    public List<ChartNews.DiaryReported> diary(UUID referralId) {
        return jdbc.sql("""
                select event_id, referral_id, cycle, reported_at, headache_days from diary_report
                where referral_id = :id order by reported_at
                """).param("id", referralId)
                .query((rs, n) -> new ChartNews.DiaryReported(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getInt(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
                .list();
    }

    @Override
    public List<ChartNews.PayerTerms> payerTerms(UUID referralId) {
        return jdbc.sql("""
                select event_id, referral_id, cycle, decided_at, authorization_number, valid_from, valid_until,
                       treatments_authorized, treatments_used, continuation_headache_days
                from decision_detail where referral_id = :id order by decided_at
                """).param("id", referralId)
                .query((rs, n) -> new ChartNews.PayerTerms(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5) == null ? null : new ChartNews.Authorization(rs.getString(5),
                                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8),
                                rs.getInt(9)),
                        rs.getObject(10, Double.class)))
                .list();
    }
}
