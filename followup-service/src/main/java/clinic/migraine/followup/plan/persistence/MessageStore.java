package clinic.migraine.followup.plan.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Escalation;
import clinic.migraine.followup.plan.domain.Message;
import clinic.migraine.followup.plan.domain.MessageKind;
import clinic.migraine.followup.plan.domain.MessageStatus;
import clinic.migraine.followup.plan.domain.Messages;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message} table: planned and sent messages, unique per subject, kind, channel and label. */
@Repository
public class MessageStore implements Messages {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public MessageStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public boolean planIfNew(Message m, Instant now) {
        return jdbc.sql("""
                insert into message (id, referral_id, subject_key, kind, channel, label, appointment_id, cycle, due_at,
                  status, reason, created_at)
                values (:id, :referral, :subject, :kind, :channel, :label, :appointment, :cycle, :due, :status, :reason, :now)
                on conflict do nothing
                """).param("id", m.id()).param("referral", m.referralId()).param("subject", m.subjectKey())
                .param("kind", m.kind().name()).param("channel", m.channel().name()).param("label", m.label())
                .param("appointment", m.appointmentId()).param("cycle", m.cycle()).param("due", Timestamp.from(m.dueAt()))
                .param("status", m.status().name()).param("reason", m.reason()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    @Override
    public Optional<Message> find(UUID id) {
        return jdbc.sql("select * from message where id = :id").param("id", id).query(MessageStore::message).optional();
    }

    @Override
    public List<Message> newest(int limit) {
        return jdbc.sql("select * from message order by due_at desc, kind limit :limit").param("limit", limit)
                .query(MessageStore::message).list();
    }

    @Override
    public List<Message> ofReferral(UUID referralId) {
        return jdbc.sql("select * from message where referral_id = :id order by due_at, kind").param("id", referralId)
                .query(MessageStore::message).list();
    }

    @Override
    public Optional<Claimed> claim(UUID id) {
        return jdbc.sql("update message set status = 'SENDING', handed_at = null where id = :id and status = 'PLANNED' returning *")
                .param("id", id).query(MessageStore::claimed).optional();
    }

    /**
     * One statement: the due rows are locked as they are chosen, and rows another claim holds are passed over
     * (SKIP LOCKED), so two claims never take one message and never wait for each other; the status check keeps a
     * message that was sent, cancelled or claimed and committed from being taken again.
     */
    @Override
    public List<Claimed> claimDue(Instant now, int limit) {
        List<Claimed> claimed = new ArrayList<>(jdbc.sql("""
                update message set status = 'SENDING', handed_at = null
                where id in (select id from message where status = 'PLANNED' and due_at <= :now
                             order by due_at limit :limit for update skip locked)
                returning *
                """).param("now", Timestamp.from(now)).param("limit", limit).query(MessageStore::claimed).list());
        claimed.sort(Comparator.comparing((Claimed c) -> c.message().dueAt()));
        return claimed;
    }

    @Override
    public void handing(UUID id) {
        jdbc.sql("update message set handed_at = now() where id = :id and status = 'SENDING'").param("id", id).update();
    }

    /** One batch of updates, one round trip. */
    @Override
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = outcomes.stream().map(o -> new MapSqlParameterSource()
                .addValue("id", o.id()).addValue("status", o.status().name()).addValue("reason", o.reason())
                .addValue("sentAt", o.sentAt() == null ? null : Timestamp.from(o.sentAt()), Types.TIMESTAMP)
                .addValue("dueAgainAt", o.dueAgainAt() == null ? null : Timestamp.from(o.dueAgainAt()), Types.TIMESTAMP)
                .addValue("failed", o.failedAttempt() ? 1 : 0)).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                update message set status = :status, reason = :reason, sent_at = :sentAt,
                  due_at = coalesce(:dueAgainAt, due_at), attempts = attempts + :failed
                where id = :id
                """, rows);
    }

    @Override
    public List<UUID> cancelPlanned(UUID referralId, UUID appointmentId, String reason) {
        return jdbc.sql("""
                update message set status = 'CANCELLED', reason = :reason
                where referral_id = :referral and status = 'PLANNED'
                  and (cast(:appointment as uuid) is null or appointment_id = :appointment)
                  and kind not in ('URGENT_ADVICE', 'URGENT_ALERT', 'ALERT_ESCALATION')
                returning id
                """).param("reason", reason).param("referral", referralId).param("appointment", appointmentId)
                .query(UUID.class).list();
    }

    @Override
    public int escalationsSent(UUID answerId) {
        return jdbc.sql("""
                select count(*) from message where subject_key = :subject and kind = 'ALERT_ESCALATION' and status = 'SENT'
                """).param("subject", Escalation.subjectOf(answerId)).query(Integer.class).single();
    }

    @Override
    public List<UUID> cancelEscalations(UUID answerId, String reason) {
        return jdbc.sql("""
                update message set status = 'CANCELLED', reason = :reason
                where subject_key = :subject and kind = 'ALERT_ESCALATION' and status = 'PLANNED'
                returning id
                """).param("reason", reason).param("subject", Escalation.subjectOf(answerId)).query(UUID.class).list();
    }

    @Override
    public Interrupted settleInterruptedSends() {
        int neverHanded = jdbc.sql("""
                update message set status = 'PLANNED'
                where status = 'SENDING' and handed_at is null
                """).update();
        List<UUID> urgent = jdbc.sql("""
                update message set status = 'PLANNED',
                  reason = 'the service stopped between claiming and sending; sent again, as it is urgent'
                where status = 'SENDING' and kind in ('URGENT_ADVICE', 'URGENT_ALERT', 'ALERT_ESCALATION')
                returning id
                """).query(UUID.class).list();
        int unknown = jdbc.sql("""
                update message set status = 'UNKNOWN',
                  reason = 'the service stopped between claiming and sending; not resent to avoid a duplicate'
                where status = 'SENDING'
                """).update();
        return new Interrupted(neverHanded, unknown, urgent);
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        return new Claimed(message(rs, n), rs.getInt("attempts") + 1);
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Message(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getString("subject_key"), MessageKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), rs.getString("label"),
                rs.getObject("appointment_id", UUID.class), (Integer) rs.getObject("cycle"),
                rs.getTimestamp("due_at").toInstant(), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), sent == null ? null : sent.toInstant());
    }
}
