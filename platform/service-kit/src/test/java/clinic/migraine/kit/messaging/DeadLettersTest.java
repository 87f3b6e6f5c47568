package clinic.migraine.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLettersTest {

    @Test
    void outagesAreWaitedOutWhileBadRecordsAreDeadLettered() {
        assertThat(DeadLetters.isTransient(new ListenerExecutionFailedException("handler",
                new CannotCreateTransactionException("no connection", new SQLException("refused", "08001"))))).isTrue();
        assertThat(DeadLetters.isTransient(new CannotGetJdbcConnectionException("pool exhausted"))).isTrue();
        assertThat(DeadLetters.isTransient(new RuntimeException(new SQLException("terminated", "08006")))).isTrue();
        assertThat(DeadLetters.isTransient(new TimeoutException("broker"))).isTrue();

        assertThat(DeadLetters.isTransient(new ListenerExecutionFailedException("handler",
                new IllegalArgumentException("cycle must be positive")))).isFalse();
        assertThat(DeadLetters.isTransient(new DeserializationException("bad bytes", new byte[] {1}, false, null))).isFalse();
        assertThat(DeadLetters.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }

    @Test
    void aDeadLetterKeepsTheCauseButNotTheEventItQuotes() {
        RuntimeException failed = new RuntimeException("listener failed", new IllegalStateException(
                "cannot handle failedMessage=GenericMessage [payload={\"email\": \"ana@example.org\"}]"));
        RuntimeException quoting = new IllegalArgumentException("bad contact ana.lopez@example.org, +1 310 555 0142, "
                + "born 1984-03-09");

        assertThat(DeadLetters.scrubbedRootCause(failed)).isEqualTo("IllegalStateException: cannot handle …");
        assertThat(DeadLetters.scrubbedRootCause(quoting))
                .isEqualTo("IllegalArgumentException: bad contact [redacted], [redacted], born [redacted]");
        assertThat(DeadLetters.scrubbedRootCause(new IllegalStateException("cycle must be positive")))
                .isEqualTo("IllegalStateException: cycle must be positive");
        assertThat(DeadLetters.scrubbedRootCause(new IllegalStateException("x".repeat(400)))).hasSizeLessThan(330);
        assertThat(DeadLetters.scrubbedRootCause(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
