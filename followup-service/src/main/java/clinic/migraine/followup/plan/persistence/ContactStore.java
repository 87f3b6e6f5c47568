package clinic.migraine.followup.plan.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.migraine.followup.plan.domain.Channel;
import clinic.migraine.followup.plan.domain.Contact;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.followup.plan.domain.CourseEndReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contact} table: one row per referral. */
@Repository
public class ContactStore implements Contacts {

    private final JdbcClient jdbc;

    public ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean saveIfNew(Contact c) {
        return jdbc.sql("""
                insert into contact (referral_id, email, phone, time_zone, preferred_channel)
                values (:id, :email, :phone, :zone, :channel) on conflict do nothing
                """).param("id", c.referralId()).param("email", c.email()).param("phone", c.phone())
                .param("zone", c.timeZone()).param("channel", c.preferredChannel().name()).update() == 1;
    }

    /** A transaction-scoped advisory lock: released by commit or rollback, held by no row. */
    @Override
    public void holdReferral(UUID referralId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:id, 0))").param("id", referralId.toString())
                .query().singleValue();
    }

    @Override
    public Optional<Contact> find(UUID referralId) {
        return jdbc.sql("select * from contact where referral_id = :id").param("id", referralId)
                .query(ContactStore::contact).optional();
    }

    @Override
    public Map<UUID, Contact> find(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from contact where referral_id in (:ids)").param("ids", referralIds)
                .query(ContactStore::contact).list().stream()
                .collect(Collectors.toMap(Contact::referralId, Function.identity()));
    }

    @Override
    public List<Contact> withPhone(String phone) {
        return jdbc.sql("select * from contact where phone = :phone").param("phone", phone)
                .query(ContactStore::contact).list();
    }

    @Override
    public void recordOptOut(UUID referralId, Channel channel, boolean optedOut) {
        String column = channel == Channel.EMAIL ? "email_opted_out" : "sms_opted_out";
        jdbc.sql("update contact set " + column + " = :out where referral_id = :id").param("out", optedOut)
                .param("id", referralId).update();
    }

    @Override
    public void markWithdrawn(UUID referralId) {
        jdbc.sql("update contact set withdrawn = true where referral_id = :id").param("id", referralId).update();
    }

    @Override
    public void markCourseEnded(UUID referralId, Set<CourseEndReason> reasons) {
        jdbc.sql("update contact set course_ended = true, course_end_reasons = :reasons where referral_id = :id")
                .param("reasons", CourseEndReason.store(reasons)).param("id", referralId).update();
    }

    @Override
    public Set<CourseEndReason> courseEndReasons(UUID referralId) {
        return CourseEndReason.read(jdbc.sql("select course_end_reasons from contact where referral_id = :id")
                .param("id", referralId).query(String.class).optional().orElse(null));
    }

    private static Contact contact(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject("referral_id", UUID.class), rs.getString("email"), rs.getString("phone"),
                rs.getString("time_zone"), Channel.valueOf(rs.getString("preferred_channel")),
                rs.getBoolean("email_opted_out"), rs.getBoolean("sms_opted_out"), rs.getBoolean("withdrawn"),
                rs.getBoolean("course_ended"));
    }
}
