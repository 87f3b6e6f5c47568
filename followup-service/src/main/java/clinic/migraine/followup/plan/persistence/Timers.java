package clinic.migraine.followup.plan.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import clinic.migraine.followup.plan.domain.CycleCheck;
import clinic.migraine.followup.plan.domain.MessageTimers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable timers in Postgres (db-scheduler): one task instance per planned message and per cycle check. Through
 * a transaction-aware data source, scheduling joins the caller's transaction, so a timer exists exactly when
 * the plan it belongs to was committed. Timers survive restarts; several instances share them safely.
 */
public class Timers implements MessageTimers {

    static final String SEND = "send-message";
    static final String NEXT_CYCLE = "next-cycle-due";

    private final OneTimeTask<String> send;
    private final OneTimeTask<String> nextCycle;
    private final Scheduler scheduler;

    /**
     * @param onMessageDue called with the message and the attempt (1 for the first); throwing means "try again
     *     later", after {@code retryBackoff} doubling with each failed attempt
     */
    public Timers(DataSource dataSource, BiConsumer<UUID, Integer> onMessageDue, Consumer<String> onCycleDue,
            Duration pollingInterval, Duration retryBackoff) {
        this.send = Tasks.oneTime(SEND, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(retryBackoff, 2.0))
                .execute((instance, context) -> onMessageDue.accept(UUID.fromString(instance.getData()),
                        context.getExecution().consecutiveFailures + 1));
        this.nextCycle = Tasks.oneTime(NEXT_CYCLE, String.class)
                .execute((instance, context) -> onCycleDue.accept(instance.getData()));
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), send, nextCycle)
                .pollingInterval(pollingInterval)
                .threads(4)
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
    }

    @Override
    public void sendAt(UUID messageId, Instant at) {
        scheduler.schedule(send.instance(messageId.toString(), messageId.toString()), at);
    }

    @Override
    public void sendAgainAt(UUID messageId, Instant at) {
        scheduler.schedule(send.instance(messageId + "/again-" + at.toEpochMilli(), messageId.toString()), at);
    }

    @Override
    public void checkCycleAt(CycleCheck check, Instant at) {
        scheduler.scheduleIfNotExists(nextCycle.instance(check.key(), check.data()), at);
    }

    public void start() {
        scheduler.start();
    }

    public void stop() {
        scheduler.stop();
    }
}
