package clinic.migraine.followup.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryAttemptsTest {

    final DeliveryAttempts three = new DeliveryAttempts(3);

    @Test
    void aRetryableFailureIsTriedAgainUntilTheLastAttempt() {
        assertThat(three.afterFailure("SMS gateway answered HTTP 503", true, 1))
                .isEqualTo(new DeliveryAttempts.Outcome(MessageStatus.PLANNED, "SMS gateway answered HTTP 503"));
        assertThat(three.afterFailure("SMS gateway answered HTTP 503", true, 2).retry()).as("attempt 2 of 3").isTrue();
    }

    @Test
    void theLastAttemptFailsForGoodSayingHowOftenItWasTried() {
        assertThat(three.afterFailure("SMS gateway answered HTTP 503", true, 3)).as("attempt 3 of 3")
                .isEqualTo(new DeliveryAttempts.Outcome(MessageStatus.FAILED,
                        "SMS gateway answered HTTP 503; gave up after 3 attempts"));
        assertThat(three.afterFailure("SMS gateway answered HTTP 503", true, 4).status()).as("attempt 4 of 3")
                .isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void aFailureRetryingCannotHelpFailsAtOnceWithItsOwnReason() {
        assertThat(three.afterFailure("SMS gateway answered HTTP 400", false, 1))
                .isEqualTo(new DeliveryAttempts.Outcome(MessageStatus.FAILED, "SMS gateway answered HTTP 400"));
    }

    @Test
    void withOneAttemptNothingIsRetried() {
        assertThat(new DeliveryAttempts(1).afterFailure("mail server refused or unreachable", true, 1))
                .isEqualTo(new DeliveryAttempts.Outcome(MessageStatus.FAILED,
                        "mail server refused or unreachable; gave up after 1 attempts"));
    }
}
