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
}
