package clinic.migraine.scheduling.booking.application;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change log stores each change by its stream name and the replay reads it back: the names must not drift. */
class FeedChangeTest {

    @Test
    void everyKindIsReadBackFromTheNameItIsLoggedAndStreamedUnder() {
        assertThat(FeedChange.wireNames())
                .containsExactly("booked", "rescheduled", "cancelled", "arrived", "noshow", "fulfilled", "confirmed");
        Arrays.stream(FeedChange.values())
                .forEach(kind -> assertThat(FeedChange.ofWireName(kind.wireName())).isEqualTo(kind));
    }

    @Test
    void aNameTheFeedNeverSendsIsRefused() {
        assertThatThrownBy(() -> FeedChange.ofWireName("NO_SHOW")).isInstanceOf(IllegalArgumentException.class);
    }
}
