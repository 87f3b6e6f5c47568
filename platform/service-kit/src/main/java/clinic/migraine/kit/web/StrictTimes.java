package clinic.migraine.kit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times in a JSON body are read only from ISO-8601 text of exactly one shape: a date is
 * {@code 2026-01-05}, a time {@code 09:30} or {@code 09:30:00}, an instant or a date-time with an offset
 * {@code 2026-01-05T09:30:00-08:00} (or {@code Z}). Jackson would otherwise read a number as days or seconds since
 * 1970 ({@code "startsOn": 0} as 1970-01-01), an array as a date, an empty string as no date and a date-time as a
 * date; each of those is now a field error. The value itself is still read by Jackson's own deserializer, so an
 * impossible day ({@code 2024-02-30}) stays an error too.
 */
public final class StrictTimes extends SimpleModule {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";
    private static final String OFFSET = "(Z|[+-]\\d{2}:\\d{2})";

    /** The one shape each type is read from, and how to say it in a field error. */
    record Shape(Pattern pattern, String expected) {

        Shape(String regex, String expected) {
            this(Pattern.compile(regex), expected);
        }
    }

    static final Map<Class<?>, Shape> SHAPES = Map.of(
            LocalDate.class, new Shape(DATE, "must be a date written as 2026-01-05"),
            LocalTime.class, new Shape(TIME, "must be a time written as 09:30 or 09:30:00"),
            LocalDateTime.class, new Shape(DATE + "T" + TIME, "must be a date and time written as 2026-01-05T09:30:00"),
            Instant.class, new Shape(DATE + "T" + TIME + OFFSET,
                    "must be a date and time with its offset, written as 2026-01-05T09:30:00-08:00 or 2026-01-05T17:30:00Z"),
            OffsetDateTime.class, new Shape(DATE + "T" + TIME + OFFSET,
                    "must be a date and time with its offset, written as 2026-01-05T09:30:00-08:00 or 2026-01-05T17:30:00Z"),
            ZonedDateTime.class, new Shape(DATE + "T" + TIME + OFFSET + "(\\[[A-Za-z0-9_/+-]+])?",
                    "must be a date and time with its offset, written as 2026-01-05T09:30:00-08:00 or 2026-01-05T17:30:00Z"));

    public StrictTimes() {
        super("clinic-strict-times");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return SHAPES.containsKey(type) ? new OneShape(deserializer, type) : deserializer;
            }
        });
    }

    /** The field error's message for a time type, or null for any other type. */
    static String expected(Class<?> type) {
        Shape shape = type == null ? null : SHAPES.get(type);
        return shape == null ? null : shape.expected();
    }

    /** Lets through only a string of the type's shape, then reads it with Jackson's own deserializer. */
    private static final class OneShape extends DelegatingDeserializer {

        private final Class<?> type;

        OneShape(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new OneShape(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getString();
            if (!SHAPES.get(type).pattern().matcher(text).matches()) {
                return context.handleWeirdStringValue(type, text, "not an ISO-8601 value of the expected shape");
            }
            return super.deserialize(parser, context);
        }
    }
}
