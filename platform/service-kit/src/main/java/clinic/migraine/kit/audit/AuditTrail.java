package clinic.migraine.kit.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.kit.security.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records staff and system actions in the service's own database, in the caller's transaction, so an action and
 * its audit entry are stored together or not at all. The actor is the signed-in account, or "system".
 */
public class AuditTrail {

    /** One action. {@code detail} names what changed and never carries patient data. */
    public record Entry(Instant at, String actor, String action, String subjectType, UUID subjectId,
            UUID referralId, String detail) {
    }

    private static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action by whoever is signed in on this thread. */
    public void record(String action, String subjectType, UUID subjectId, UUID referralId, String detail) {
        recordBy(Actors.current(), action, subjectType, subjectId, referralId, detail);
    }

    public void recordBy(String actor, String action, String subjectType, UUID subjectId, UUID referralId,
            String detail) {
        jdbc.sql("""
                insert into audit_entry (at, actor, action, subject_type, subject_id, referral_id, detail)
                values (:at, :actor, :action, :subjectType, :subjectId, :referralId, :detail)""")
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("referralId", referralId)
                .param("detail", detail)
                .update();
    }

    /** What was changed on a subject, or on anything of a referral, oldest first: {@link #about} without the reads. */
    public List<Entry> changesAbout(UUID id) {
        return jdbc.sql("""
                select at, actor, action, subject_type, subject_id, referral_id, detail from audit_entry
                where (subject_id = :id or referral_id = :id) and action <> 'read' order by at, id limit :limit""")
                .param("id", id)
                .param("limit", LIMIT)
                .query(AuditTrail::entry)
                .list();
    }

    /** Everything done to a subject, or to anything of a referral, reads included, oldest first. */
    public List<Entry> about(UUID id) {
        return jdbc.sql("""
                select at, actor, action, subject_type, subject_id, referral_id, detail from audit_entry
                where subject_id = :id or referral_id = :id order by at, id limit :limit""")
                .param("id", id)
                .param("limit", LIMIT)
                .query(AuditTrail::entry)
                .list();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject_type"), rs.getObject("subject_id", UUID.class),
                rs.getObject("referral_id", UUID.class), rs.getString("detail"));
    }

    /** The newest actions of one actor, newest first. */
    public List<Entry> byActor(String actor, int limit) {
        return jdbc.sql("""
                select at, actor, action, subject_type, subject_id, referral_id, detail from audit_entry
                where actor = :actor order by at desc, id desc limit :limit""")
                .param("actor", actor)
                .param("limit", Math.min(limit, LIMIT))
                .query(AuditTrail::entry)
                .list();
    }
}
