package clinic.migraine.scheduling.booking.application;

import java.util.Arrays;
import java.util.List;

import clinic.migraine.scheduling.booking.domain.AppointmentEvent;

/** The kinds of change the schedulers' live feed sends; {@link #wireName} is the stream's event name. */
public enum FeedChange {
    BOOKED("booked"), RESCHEDULED("rescheduled"), CANCELLED("cancelled"), ARRIVED("arrived"), NO_SHOW("noshow"),
    FULFILLED("fulfilled"), CONFIRMED("confirmed");

    private final String wireName;

    FeedChange(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every event name the stream sends; pages listen for exactly these. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(FeedChange::wireName).toList();
    }

    /** The kind a logged change was written as. */
    public static FeedChange ofWireName(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No feed change " + wireName));
    }

    static FeedChange of(AppointmentEvent event) {
        if (event instanceof AppointmentEvent.Booked) {
            return BOOKED;
        }
        if (event instanceof AppointmentEvent.Rescheduled) {
            return RESCHEDULED;
        }
        if (event instanceof AppointmentEvent.Cancelled) {
            return CANCELLED;
        }
        if (event instanceof AppointmentEvent.CheckedIn) {
            return ARRIVED;
        }
        if (event instanceof AppointmentEvent.MissedVisit) {
            return NO_SHOW;
        }
        return FULFILLED;
    }
}
