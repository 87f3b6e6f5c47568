package clinic.migraine.followup.plan.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that send what is due: each claims a batch of due messages, sends it over its own connection to the
 * mail server and records it, again and again while there is more, then waits {@code poll} or until woken (a
 * message planned due now). A sender's batch starts at one message and doubles while claims come back full, up to
 * {@code batchSize}, and falls back to one when a claim comes back short: a trickle goes one by one, as few
 * messages as possible stand claimed and unsent should the service die, and a backlog goes in full batches.
 */
public class Senders {

    private static final Logger log = LoggerFactory.getLogger(Senders.class);

    private final Dispatcher dispatcher;
    private final int senders;
    private final int batchSize;
    private final Duration poll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private long wakeUps;
    private volatile boolean running;

    /**
     * @param senders how many send side by side, each over its own connection
     * @param batchSize the most messages one sender claims at once
     * @param poll how often an idle sender looks for due messages
     */
    public Senders(Dispatcher dispatcher, int senders, int batchSize, Duration poll) {
        if (senders < 1 || batchSize < 1) {
            throw new IllegalArgumentException("at least one sender and a batch of at least one message");
        }
        this.dispatcher = dispatcher;
        this.senders = senders;
        this.batchSize = batchSize;
        this.poll = poll;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= senders; i++) {
            Thread thread = new Thread(this::run, "message-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Lets each sender finish (and record) the batch in hand, then stops them. */
    public synchronized void stop() {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    /** Something is due now: idle senders look at once. */
    public void wake() {
        lock.lock();
        try {
            wakeUps++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        int batch = 1;
        while (running) {
            long seen = wakeUpsSoFar();
            int claimed;
            try {
                claimed = dispatcher.dispatchDue(batch);
            } catch (RuntimeException e) {
                log.warn("Sending due messages failed; trying again in {}: {}", poll, e.getClass().getName());
                claimed = 0;
            }
            if (claimed == batch) {
                batch = Math.min(batchSize, batch * 2);
                continue;
            }
            batch = 1;
            if (claimed == 0) {
                awaitWork(seen);
            }
        }
    }

    private long wakeUpsSoFar() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork(long seen) {
        lock.lock();
        try {
            long left = poll.toNanos();
            while (running && wakeUps == seen && left > 0) {
                left = work.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
