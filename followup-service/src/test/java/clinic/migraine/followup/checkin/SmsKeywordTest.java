package clinic.migraine.followup.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsKeywordTest {

    @ParameterizedTest
    @CsvSource({"STOP, STOP", "stop, STOP", "' Stop. ', STOP", "unsubscribe, STOP", "Cancel, STOP", "QUIT, STOP",
            "start, START", "YES, START", "unstop, START", "help, HELP", "info, HELP", "see you tuesday, OTHER"})
    void understandsTheStandardKeywords(String body, SmsKeyword expected) {
        assertThat(SmsKeyword.of(body)).isEqualTo(expected);
    }

    @Test
    void linkTokensAreSignedSinglePurposeAndExpire() {
        LinkTokens tokens = new LinkTokens("secret");
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        LinkTokens.Link link = new LinkTokens.Link("CHECK_IN", UUID.randomUUID(), UUID.randomUUID(), 1,
                now.plusSeconds(3600));
        String token = tokens.issue(link);

        assertThat(tokens.verify(token, "CHECK_IN", now)).contains(link);
        assertThat(tokens.verify(token, "unsubscribe", now)).isEmpty();
        assertThat(tokens.verify(token, "CHECK_IN", now.plusSeconds(7200))).isEmpty();
        assertThat(new LinkTokens("other").verify(token, "CHECK_IN", now)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx", "CHECK_IN", now)).isEmpty();
        assertThat(tokens.verify("garbage", "CHECK_IN", now)).isEmpty();
    }
}
