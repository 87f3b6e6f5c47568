package clinic.migraine.followup.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts, known appointments, planned and sent messages, and answers, in Postgres. */
@Repository
public class FollowupStore {

    private final JdbcClient jdbc;

    public FollowupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Contact(UUID referralId, String email, String phone, String timeZone, String preferredChannel,
            boolean emailOptedOut, boolean smsOptedOut, boolean withdrawn, boolean courseEnded) {
    }

    public record KnownAppointment(UUID id, UUID referralId, int cycle, Instant start, Instant end, String provider,
            String location, String clinicZone, String status) {
    }

    public record Message(UUID id, UUID referralId, String subjectKey, String kind, String channel, String label,
            UUID appointmentId, Integer cycle, Instant dueAt, String status, String reason, Instant sentAt) {
    }

    /**
     * A patient's answer to a check-in or diary. {@code note} is the patient's own words: shown to staff, never
     * logged or published.
     */
    public record Answer(UUID id, UUID referralId, int cycle, String kind, Integer headacheDaysLast30,
            Integer headacheDaysSinceVisit, String feeling, List<String> sideEffects, String note, boolean urgent,
            Instant answeredAt, Instant handledAt, String handledBy) {

        public Answer {
            sideEffects = List.copyOf(sideEffects);
        }
    }

    public void saveContact(UUID referralId, String email, String phone, String zone, String channel) {
        jdbc.sql("""
                insert into contact (referral_id, email, phone, time_zone, preferred_channel)
                values (:id, :email, :phone, :zone, :channel) on conflict do nothing
                """).param("id", referralId).param("email", email).param("phone", phone).param("zone", zone)
                .param("channel", channel).update();
    }

    public Optional<Contact> contact(UUID referralId) {
        return jdbc.sql("select * from contact where referral_id = :id").param("id", referralId)
                .query(FollowupStore::contact).optional();
    }

    public List<Contact> contactsByPhone(String phone) {
        return jdbc.sql("select * from contact where phone = :phone").param("phone", phone)
                .query(FollowupStore::contact).list();
    }

    public void optOut(UUID referralId, String channel, boolean optedOut) {
        String column = "EMAIL".equals(channel) ? "email_opted_out" : "sms_opted_out";
        jdbc.sql("update contact set " + column + " = :out where referral_id = :id").param("out", optedOut)
                .param("id", referralId).update();
    }

    public void markContact(UUID referralId, String flag) {
        String column = "withdrawn".equals(flag) ? "withdrawn" : "course_ended";
        jdbc.sql("update contact set " + column + " = true where referral_id = :id").param("id", referralId).update();
    }

    public void saveAppointment(KnownAppointment a) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, start_at, end_at, provider, location, clinic_zone, status)
                values (:id, :referral, :cycle, :start, :end, :provider, :location, :zone, :status)
                on conflict (id) do update set start_at = excluded.start_at, end_at = excluded.end_at,
                  provider = excluded.provider, location = excluded.location, status = excluded.status
                """).param("id", a.id()).param("referral", a.referralId()).param("cycle", a.cycle())
                .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                .param("provider", a.provider()).param("location", a.location()).param("zone", a.clinicZone())
                .param("status", a.status()).update();
    }

    public Optional<KnownAppointment> appointment(UUID id) {
        return jdbc.sql("select * from appointment where id = :id").param("id", id).query((rs, n) -> new KnownAppointment(
                rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(), rs.getString("provider"),
                rs.getString("location"), rs.getString("clinic_zone"), rs.getString("status"))).optional();
    }

    public void appointmentStatus(UUID id, String status) {
        jdbc.sql("update appointment set status = :status where id = :id").param("status", status).param("id", id).update();
    }

    /** False when this message (subject, kind, channel, label) already exists: nothing is planned twice. */
    public boolean plan(Message m, Instant now) {
        return jdbc.sql("""
                insert into message (id, referral_id, subject_key, kind, channel, label, appointment_id, cycle, due_at,
                  status, reason, created_at)
                values (:id, :referral, :subject, :kind, :channel, :label, :appointment, :cycle, :due, :status, :reason, :now)
                on conflict do nothing
                """).param("id", m.id()).param("referral", m.referralId()).param("subject", m.subjectKey())
                .param("kind", m.kind()).param("channel", m.channel()).param("label", m.label())
                .param("appointment", m.appointmentId()).param("cycle", m.cycle()).param("due", Timestamp.from(m.dueAt()))
                .param("status", m.status()).param("reason", m.reason()).param("now", Timestamp.from(now)).update() == 1;
    }

    public Optional<Message> message(UUID id) {
        return jdbc.sql("select * from message where id = :id").param("id", id).query(FollowupStore::message).optional();
    }

    /** The newest messages of all patients, by when they were due. */
    public List<Message> recentMessages(int limit) {
        return jdbc.sql("select * from message order by due_at desc, kind limit :limit").param("limit", limit)
                .query(FollowupStore::message).list();
    }

    public List<Message> messages(UUID referralId) {
        return jdbc.sql("select * from message where referral_id = :id order by due_at, kind").param("id", referralId)
                .query(FollowupStore::message).list();
    }

    /** Claims a planned message for sending; false if it was already claimed, sent or cancelled. */
    public boolean claim(UUID id) {
        return jdbc.sql("update message set status = 'SENDING' where id = :id and status = 'PLANNED'").param("id", id)
                .update() == 1;
    }

    public void finish(UUID id, String status, String reason, Instant sentAt) {
        jdbc.sql("update message set status = :status, reason = :reason, sent_at = :sentAt where id = :id")
                .param("status", status).param("reason", reason)
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt)).param("id", id).update();
    }

    /** Cancels what is still planned for an appointment (or, with null, for the whole referral). */
    public List<UUID> cancelPlanned(UUID referralId, UUID appointmentId, String reason) {
        return jdbc.sql("""
                update message set status = 'CANCELLED', reason = :reason
                where referral_id = :referral and status = 'PLANNED'
                  and (cast(:appointment as uuid) is null or appointment_id = :appointment)
                returning id
                """).param("reason", reason).param("referral", referralId).param("appointment", appointmentId)
                .query(UUID.class).list();
    }

    /** Messages a crash left between claim and send: their fate is unknown, so they are not sent again. */
    public int markInterruptedSends() {
        return jdbc.sql("""
                update message set status = 'UNKNOWN',
                  reason = 'the service stopped between claiming and sending; not resent to avoid a duplicate'
                where status = 'SENDING'
                """).update();
    }

    /** One answer per link: the id is the id of the message that carried the link. */
    public void saveAnswer(Answer a) {
        jdbc.sql("""
                insert into follow_up_answer (id, referral_id, cycle, kind, headache_days_last30, side_effects, urgent,
                  answered_at, feeling, headache_days_since_visit, note)
                values (:id, :referral, :cycle, :kind, :days, :effects, :urgent, :at, :feeling, :daysSince, :note)
                """).param("id", a.id()).param("referral", a.referralId()).param("cycle", a.cycle()).param("kind", a.kind())
                .param("days", a.headacheDaysLast30()).param("effects", a.sideEffects().toString())
                .param("urgent", a.urgent()).param("at", Timestamp.from(a.answeredAt())).param("feeling", a.feeling())
                .param("daysSince", a.headacheDaysSinceVisit()).param("note", a.note()).update();
    }

    public Optional<Answer> answer(UUID id) {
        return jdbc.sql("select * from follow_up_answer where id = :id").param("id", id).query(FollowupStore::answer)
                .optional();
    }

    /** A patient's answers, newest first. */
    public List<Answer> answers(UUID referralId) {
        return jdbc.sql("select * from follow_up_answer where referral_id = :id order by answered_at desc")
                .param("id", referralId).query(FollowupStore::answer).list();
    }

    /** Urgent answers (the clinic's alerts), newest first. */
    public List<Answer> urgentAnswers(int limit) {
        return jdbc.sql("select * from follow_up_answer where urgent order by answered_at desc limit :limit")
                .param("limit", limit).query(FollowupStore::answer).list();
    }

    /** False when the answer is not urgent or was already marked handled. */
    public boolean markHandled(UUID id, String by, Instant at) {
        return jdbc.sql("""
                update follow_up_answer set handled_at = :at, handled_by = :by
                where id = :id and urgent and handled_at is null
                """).param("at", Timestamp.from(at)).param("by", by).param("id", id).update() == 1;
    }

    public Optional<Integer> latestHeadacheDays(UUID referralId) {
        return jdbc.sql("""
                select headache_days_last30 from follow_up_answer
                where referral_id = :id and headache_days_last30 is not null order by answered_at desc limit 1
                """).param("id", referralId).query(Integer.class).optional();
    }

    private static Contact contact(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject("referral_id", UUID.class), rs.getString("email"), rs.getString("phone"),
                rs.getString("time_zone"), rs.getString("preferred_channel"), rs.getBoolean("email_opted_out"),
                rs.getBoolean("sms_opted_out"), rs.getBoolean("withdrawn"), rs.getBoolean("course_ended"));
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        String effects = rs.getString("side_effects").replaceAll("[\\[\\]\\s]", "");
        Timestamp handled = rs.getTimestamp("handled_at");
        return new Answer(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getInt("cycle"),
                rs.getString("kind"), (Integer) rs.getObject("headache_days_last30"),
                (Integer) rs.getObject("headache_days_since_visit"), rs.getString("feeling"),
                effects.isEmpty() ? List.of() : List.of(effects.split(",")), rs.getString("note"), rs.getBoolean("urgent"),
                rs.getTimestamp("answered_at").toInstant(), handled == null ? null : handled.toInstant(),
                rs.getString("handled_by"));
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Message(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getString("subject_key"), rs.getString("kind"), rs.getString("channel"), rs.getString("label"),
                rs.getObject("appointment_id", UUID.class), (Integer) rs.getObject("cycle"),
                rs.getTimestamp("due_at").toInstant(), rs.getString("status"), rs.getString("reason"),
                sent == null ? null : sent.toInstant());
    }
}
