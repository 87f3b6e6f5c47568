package clinic.migraine.followup.checkin.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import clinic.migraine.followup.checkin.domain.AlreadyAnswered;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.AnswerKind;
import clinic.migraine.followup.checkin.domain.Answers;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.SideEffect;
import clinic.migraine.followup.plan.domain.HeadacheDiary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code follow_up_answer} table: one answer per link, its id the id of the message that carried the link. */
@Repository
public class AnswerStore implements Answers, HeadacheDiary {

    private final JdbcClient jdbc;

    public AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Two submissions of one link racing each other: the second finds the key taken, and the first answer stands. */
    @Override
    public void add(Answer a) {
        try {
            jdbc.sql("""
                    insert into follow_up_answer (id, referral_id, cycle, kind, headache_days_last30, side_effects, urgent,
                      answered_at, feeling, headache_days_since_visit, note, clinician_task)
                    values (:id, :referral, :cycle, :kind, :days, :effects, :urgent, :at, :feeling, :daysSince, :note,
                      :task)
                    """).param("id", a.id()).param("task", a.clinicianTask()).param("referral", a.referralId()).param("cycle", a.cycle())
                    .param("kind", a.kind().name()).param("days", a.headacheDaysLast30())
                    .param("effects", a.sideEffects().toString()).param("urgent", a.urgent())
                    .param("at", Timestamp.from(a.answeredAt()))
                    .param("feeling", a.feeling() == null ? null : a.feeling().name())
                    .param("daysSince", a.headacheDaysSinceVisit()).param("note", a.note()).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyAnswered();
        }
    }

    @Override
    public Optional<Answer> find(UUID id) {
        return jdbc.sql("select * from follow_up_answer where id = :id").param("id", id).query(AnswerStore::answer)
                .optional();
    }

    @Override
    public List<Answer> ofReferral(UUID referralId) {
        return jdbc.sql("select * from follow_up_answer where referral_id = :id order by answered_at desc")
                .param("id", referralId).query(AnswerStore::answer).list();
    }

    @Override
    public List<Answer> newestUrgent(int limit) {
        return jdbc.sql("select * from follow_up_answer where urgent order by answered_at desc limit :limit")
                .param("limit", limit).query(AnswerStore::answer).list();
    }

    @Override
    public List<Answer> newestTasks(int limit) {
        return jdbc.sql("select * from follow_up_answer where clinician_task order by answered_at desc limit :limit")
                .param("limit", limit).query(AnswerStore::answer).list();
    }

    /**
     * Only an alert or a task nobody handled yet is updated, so two clinicians cannot both handle one.
     */
    @Override
    public boolean saveHandled(Answer handled) {
        return jdbc.sql("""
                update follow_up_answer set handled_at = :at, handled_by = :by
                where id = :id and (urgent or clinician_task) and handled_at is null
                """).param("at", Timestamp.from(handled.handledAt())).param("by", handled.handledBy())
                .param("id", handled.id()).update() == 1;
    }

    @Override
    public boolean saveClosed(Answer closed) {
        return jdbc.sql("""
                update follow_up_answer set handled_at = :handledAt, handled_by = :handledBy, closed_at = :at,
                  closed_by = :by, close_note = :note
                where id = :id and urgent and closed_at is null
                """).param("handledAt", Timestamp.from(closed.handledAt())).param("handledBy", closed.handledBy())
                .param("at", Timestamp.from(closed.closedAt())).param("by", closed.closedBy())
                .param("note", closed.closeNote()).param("id", closed.id()).update() == 1;
    }

    @Override
    public Optional<Integer> latestHeadacheDays(UUID referralId) {
        return jdbc.sql("""
                select headache_days_last30 from follow_up_answer
                where referral_id = :id and headache_days_last30 is not null order by answered_at desc limit 1
                """).param("id", referralId).query(Integer.class).optional();
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        String effects = rs.getString("side_effects").replaceAll("[\\[\\]\\s]", "");
        Timestamp handled = rs.getTimestamp("handled_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        String feeling = rs.getString("feeling");
        return new Answer(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                AnswerKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("headache_days_last30"),
                (Integer) rs.getObject("headache_days_since_visit"), feeling == null ? null : Feeling.valueOf(feeling),
                effects.isEmpty() ? List.of() : Stream.of(effects.split(",")).map(SideEffect::valueOf).toList(),
                rs.getString("note"), rs.getBoolean("urgent"), rs.getTimestamp("answered_at").toInstant(),
                handled == null ? null : handled.toInstant(), rs.getString("handled_by"),
                closed == null ? null : closed.toInstant(), rs.getString("closed_by"), rs.getString("close_note"));
    }
}
