package clinic.migraine.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.stack.PostgresServer;
import clinic.migraine.testsupport.RunningSystem;
import jakarta.mail.internet.MimeMessage;

/**
 * The accounting after each scenario, read from the services' own databases and the mailbox: where every
 * accepted referral ended, how many live appointments and confirmation mails each has, what is left in the
 * outboxes.
 */
final class Ledger {

    static final String CONFIRMATION = "Your migraine treatment visit is booked";

    private final RunningSystem system;

    Ledger(RunningSystem system) {
        this.system = system;
    }

    /** The books of one scenario; {@code doubts} says why each referral in doubt is. */
    record Count(int expected, int reached, int lost, int duplicates, int inDoubt, List<String> problems,
            List<String> doubts) {
    }

    static final String ANSWER_LOST = "answer lost when intake was killed: stored and booked";
    static final String CONFIRMATION_UNKNOWN = "confirmation being handed to SMTP when follow-up was killed: UNKNOWN, shown to staff";

    /** {@link #count(List, List)} with nothing stored whose answer was lost. */
    Count count(List<Submitted> referrals) {
        return count(referrals, List.of());
    }

    /**
     * Counts the referrals (all meant to be booked): lost, doubled, or in doubt. In doubt is either a referral
     * whose 201 never reached its client because intake was killed after storing it (it must then be booked like
     * any other), or one booked whose confirmation was being handed to the mail server when follow-up died, did
     * not arrive, and is marked UNKNOWN for staff.
     */
    Count count(List<Submitted> accepted, List<Submitted> storedWithAnswerLost) {
        List<Submitted> referrals = new ArrayList<>(accepted);
        referrals.addAll(storedWithAnswerLost);
        List<String> doubts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<UUID, String> status = statuses(referrals);
        Map<UUID, Integer> appointments = liveAppointments(referrals);
        Map<UUID, Integer> unknown = new HashMap<>();
        query("followup", "select referral_id, count(*) from message where referral_id = any (?) and status = 'UNKNOWN' "
                + "and kind = 'CONFIRMATION' group by referral_id", referrals,
                rs -> unknown.put(rs.getObject(1, UUID.class), rs.getInt(2)));
        int inDoubt = 0;
        int reached = 0;
        int lost = 0;
        int duplicates = 0;
        for (Submitted referral : referrals) {
            String state = status.get(referral.id());
            int booked = appointments.getOrDefault(referral.id(), 0);
            int mails = confirmations(referral.email());
            boolean answerLost = storedWithAnswerLost.contains(referral);
            if ("SCHEDULED".equals(state) && booked == 1 && mails >= 1 && !answerLost) {
                reached++;
            } else if ("SCHEDULED".equals(state) && booked == 1 && (mails >= 1 || unknown.containsKey(referral.id()))) {
                inDoubt++;
                doubts.add(answerLost ? ANSWER_LOST : CONFIRMATION_UNKNOWN);
            } else {
                lost++;
                problems.add(referral.id() + ": status " + state + ", " + booked + " appointments, " + mails + " mails");
            }
            if (booked > 1 || mails > 1) {
                duplicates += Math.max(0, booked - 1) + Math.max(0, mails - 1);
                problems.add(referral.id() + ": " + booked + " appointments, " + mails + " confirmations");
            }
        }
        long doubleBooked = scalar("scheduling", """
                select count(*) from (select provider_id, start_at from appointment
                where status in ('booked', 'arrived', 'fulfilled') group by provider_id, start_at having count(*) > 1) d
                """);
        long doubleSent = scalar("followup", """
                select count(*) from (select appointment_id, kind, channel from message where status = 'SENT'
                and appointment_id is not null group by appointment_id, kind, channel, label having count(*) > 1) d
                """);
        if (doubleBooked + doubleSent > 0) {
            duplicates += (int) (doubleBooked + doubleSent);
            problems.add(doubleBooked + " provider slots booked twice, " + doubleSent + " messages sent twice");
        }
        return new Count(referrals.size(), reached, lost, duplicates, inDoubt, problems, doubts);
    }

    /** Referrals accepted and SCHEDULED with exactly one live appointment. */
    List<Submitted> booked(List<Submitted> referrals) {
        Map<UUID, String> status = statuses(referrals);
        Map<UUID, Integer> appointments = liveAppointments(referrals);
        return referrals.stream().filter(r -> "SCHEDULED".equals(status.get(r.id()))
                && appointments.getOrDefault(r.id(), 0) == 1).toList();
    }

    /** The referrals intake stored for these emails (each email is one test referral's). */
    List<Submitted> storedFor(List<String> emails) {
        List<Submitted> found = new ArrayList<>();
        queryArray("intake", "select id, email from referral where email = any (?)", "text", emails.toArray(),
                rs -> found.add(new Submitted(rs.getObject(1, UUID.class), rs.getString(2))));
        return found;
    }

    /** Which of these Idempotency-Keys intake has stored. */
    List<String> keysStored(List<String> keys) {
        List<String> found = new ArrayList<>();
        queryArray("intake", "select key from idempotency_key where key = any (?)", "text", keys.toArray(),
                rs -> found.add(rs.getString(1)));
        return found;
    }

    /** Events written to the service database's outbox and not yet published. */
    long unpublished(String database) {
        return scalar(database, "select count(*) from outbox where published_at is null");
    }

    /** Follow-up messages claimed for sending and not yet recorded as sent or failed. */
    long sending() {
        return scalar("followup", "select count(*) from message where status = 'SENDING'");
    }

    /** Rows in every table of all four service databases, by database.table. */
    Map<String, Long> rowsInEveryTable() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String database : PostgresServer.SERVICE_DATABASES) {
            List<String> tables = new ArrayList<>();
            try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(
                    "select table_schema || '.' || table_name from information_schema.tables "
                            + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            for (String table : tables) {
                rows.put(database + "." + table, scalar(database, "select count(*) from " + table));
            }
        }
        return rows;
    }

    /** Events written to an outbox and not yet published, over all four services. */
    long unpublished() {
        long total = 0;
        for (String database : PostgresServer.SERVICE_DATABASES) {
            total += unpublished(database);
        }
        return total;
    }

    int confirmations(String email) {
        int count = 0;
        for (MimeMessage message : system.mailTo(email)) {
            if (RunningSystem.subject(message).equals(CONFIRMATION)) {
                count++;
            }
        }
        return count;
    }

    Map<UUID, String> statuses(List<Submitted> referrals) {
        Map<UUID, String> found = new HashMap<>();
        query("intake", "select id, status from referral where id = any (?)", referrals,
                rs -> found.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return found;
    }

    private Map<UUID, Integer> liveAppointments(List<Submitted> referrals) {
        Map<UUID, Integer> found = new HashMap<>();
        query("scheduling", """
                select referral_id, count(*) from appointment where referral_id = any (?)
                and status in ('booked', 'arrived', 'fulfilled') group by referral_id
                """, referrals, rs -> found.put(rs.getObject(1, UUID.class), rs.getInt(2)));
        return found;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String database, String sql, List<Submitted> referrals, RowReader reader) {
        queryArray(database, sql, "uuid", referrals.stream().map(Submitted::id).toArray(), reader);
    }

    private void queryArray(String database, String sql, String type, Object[] values, RowReader reader) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, values));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long scalar(String database, String sql) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String database, String sql) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.stack().postgres().jdbcUrl(database), "postgres", "postgres");
    }

    record Submitted(UUID id, String email) {
    }
}
