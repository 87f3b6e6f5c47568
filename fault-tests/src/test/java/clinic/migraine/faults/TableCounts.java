package clinic.migraine.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import clinic.migraine.stack.PostgresServer;
import clinic.migraine.testsupport.RunningSystem;

/**
 * The rows of every table in the four services' databases, listed from the catalogue rather than named here, so a
 * table added later is counted too; and the full text of single rows, to see that a record was left as it was.
 */
final class TableCounts {

    private final RunningSystem system;

    TableCounts(RunningSystem system) {
        this.system = system;
    }

    /** "database.schema.table" → rows, for every ordinary table of every service database. */
    Map<String, Long> count() {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : PostgresServer.SERVICE_DATABASES) {
            try (Connection connection = connect(database)) {
                List<String> tables = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                        order by 1
                        """); ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                if (tables.isEmpty()) {
                    throw new IllegalStateException("no tables in " + database);
                }
                for (String table : tables) {
                    try (PreparedStatement statement = connection.prepareStatement("select count(*) from " + table);
                            ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        counts.put(database + "." + table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    /** The row with the id as Postgres writes a whole row, or null when there is none. */
    String row(String database, String table, UUID id) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(
                        "select t::text from " + table + " t where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of the first row the query answers, or null. */
    UUID id(String database, String sql) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose counts differ, each as "table: before → after". */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        Map<String, Long> all = new TreeMap<>(before);
        after.forEach(all::putIfAbsent);
        for (String table : all.keySet()) {
            Long was = before.get(table);
            Long is = after.get(table);
            if (was == null || !was.equals(is)) {
                changes.add(table + ": " + was + " → " + is);
            }
        }
        return changes;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.stack().postgres().jdbcUrl(database), "postgres", "postgres");
    }
}
