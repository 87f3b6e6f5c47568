package clinic.migraine.followup.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsKeywordOptOutTest {

    @Test
    void stopOptsOutStartOptsBackInAndOtherRepliesChangeNothing() {
        assertThat(SmsKeyword.STOP.optedOut()).contains(true);
        assertThat(SmsKeyword.START.optedOut()).contains(false);
        assertThat(SmsKeyword.HELP.optedOut()).isEmpty();
        assertThat(SmsKeyword.OTHER.optedOut()).isEmpty();
    }

    @Test
    void theReplyToStopSaysHowToOptBackIn() {
        assertThat(SmsKeyword.of("Stop").reply()).contains("START");
        assertThat(SmsKeyword.of("start").reply()).contains("STOP");
    }
}
