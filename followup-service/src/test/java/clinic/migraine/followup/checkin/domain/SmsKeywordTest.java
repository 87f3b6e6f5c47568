package clinic.migraine.followup.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsKeywordTest {

    @ParameterizedTest
    @CsvSource({"STOP, STOP", "stop, STOP", "' Stop. ', STOP", "unsubscribe, STOP", "Cancel, STOP", "QUIT, STOP",
            "start, START", "YES, START", "unstop, START", "help, HELP", "info, HELP", "see you tuesday, OTHER",
            "C, CONFIRM", "' c. ', CONFIRM", "R, CALL_ME", "r, CALL_ME", "CR, OTHER", "Call me, OTHER"})
    void understandsTheStandardKeywordsAndTheClinicsCAndR(String body, SmsKeyword expected) {
        assertThat(SmsKeyword.of(body)).isEqualTo(expected);
    }
}
