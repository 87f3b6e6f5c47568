package clinic.migraine.followup.plan.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import clinic.migraine.followup.plan.domain.CycleCheck;
import clinic.migraine.followup.plan.domain.MessageTimers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable timers in Postgres (db-scheduler), one per cycle check. Through a transaction-aware data source,
 * scheduling joins the caller's transaction, so a timer exists exactly when the plan it belongs to was committed.
 * Timers survive restarts; several instances share them safely. Messages have no timer of their own: the senders
 * claim them by due time. A message timer written before that (by an older instance, or still in the table from
 * before the upgrade) sends its message when it fires, through the same claim; those not yet running are retired
 * at start ({@link #retireMessageTimers()}), their messages being due by their own {@code due_at}.
 */
public class Timers implements MessageTimers {

    static final String SEND = "send-message";
    static final String NEXT_CYCLE = "next-cycle-due";

    private final OneTimeTask<String> nextCycle;
    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final Runnable onMessageDueNow;

    /**
     * @param onMessageTimer called with the message of a timer written before messages were sent by due time
     * @param onMessageDueNow called after the commit that planned a message due now
     */
    public Timers(DataSource dataSource, Consumer<UUID> onMessageTimer, Runnable onMessageDueNow,
            Consumer<String> onCycleDue, Duration pollingInterval) {
        OneTimeTask<String> send = Tasks.oneTime(SEND, String.class)
                .execute((instance, context) -> onMessageTimer.accept(UUID.fromString(instance.getData())));
        this.jdbc = JdbcClient.create(dataSource);
        this.onMessageDueNow = onMessageDueNow;
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
        if (at.isAfter(Instant.now())) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onMessageDueNow.run();
                }
            });
        } else {
            onMessageDueNow.run();
        }
    }

    /**
     * Removes the message timers no scheduler is running: their messages are due by their own {@code due_at}.
     *
     * @return how many
     */
    public int retireMessageTimers() {
        return jdbc.sql("delete from scheduled_tasks where task_name = :task and not picked").param("task", SEND)
                .update();
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
