package clinic.migraine.kit.messaging;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Values no event of the workflow can carry, checked on every record a service consumes, whatever its type:
 * a record that decodes but says nonsense (an instant in 1900, cycle 0, a visit that ends before it starts, 40
 * headache days a month, an unknown time zone) is refused like an undecodable one and dead-lettered, instead
 * of reaching a handler. The problems name fields and rules, never values (they may be patient data).
 */
public final class EventChecks {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration LATEST_AHEAD = Duration.ofDays(2 * 366);

    /** Whole numbers per field name: inclusive bounds. */
    private static final Map<String, int[]> RANGES = Map.of(
            "cycle", new int[] {1, 100},
            "nextCycle", new int[] {1, 100},
            "headacheDaysPerMonth", new int[] {0, 31},
            "migraineDaysPerMonth", new int[] {0, 31},
            "latestHeadacheDays", new int[] {0, 31},
            "headacheDaysLast30", new int[] {0, 31},
            "chronicMigraineMonths", new int[] {0, 1200},
            "days", new int[] {0, 36_600},
            "units", new int[] {1, 400});

    private EventChecks() {
    }

    /** What is wrong with the record, empty if nothing; nested records are checked too. */
    public static List<String> problems(IndexedRecord record, Instant now) {
        List<String> problems = new ArrayList<>();
        check(record, "", now, problems);
        return problems;
    }

    private static void check(IndexedRecord record, String path, Instant now, List<String> problems) {
        Schema schema = record.getSchema();
        for (Schema.Field field : schema.getFields()) {
            Object value = record.get(field.pos());
            String name = path + field.name();
            if (value instanceof Instant instant && field.name().equals("occurredAt")
                    && (instant.isBefore(EARLIEST) || instant.isAfter(now.plus(LATEST_AHEAD)))) {
                problems.add(name + " is not a plausible time");
            } else if (value instanceof Integer number && RANGES.containsKey(field.name())) {
                int[] range = RANGES.get(field.name());
                if (number < range[0] || number > range[1]) {
                    problems.add(name + " is outside " + range[0] + ".." + range[1]);
                }
            } else if (value instanceof CharSequence text && field.name().toLowerCase().endsWith("timezone")
                    && !isZone(text.toString())) {
                problems.add(name + " is not a time zone");
            } else if (value instanceof IndexedRecord nested) {
                check(nested, name + ".", now, problems);
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof IndexedRecord nested) {
                        check(nested, name + "[" + i + "].", now, problems);
                    }
                }
            }
        }
        ordered(record, path, "start", "end", problems);
        ordered(record, path, "previousStart", "previousEnd", problems);
    }

    private static void ordered(IndexedRecord record, String path, String first, String second, List<String> problems) {
        Schema.Field from = record.getSchema().getField(first);
        Schema.Field to = record.getSchema().getField(second);
        if (from != null && to != null && record.get(from.pos()) instanceof Instant start
                && record.get(to.pos()) instanceof Instant end && !end.isAfter(start)) {
            problems.add(path + second + " is not after " + path + first);
        }
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
