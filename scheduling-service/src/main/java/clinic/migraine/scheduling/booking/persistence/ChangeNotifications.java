package clinic.migraine.scheduling.booking.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import clinic.migraine.scheduling.booking.application.ChangeLog;
import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.application.LiveFeed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands each committed appointment change to this instance's {@link LiveFeed}, whichever instance made it: the
 * change log's insert sends a Postgres NOTIFY in its transaction (delivered on commit only), and this instance
 * LISTENs on a connection of its own. If that connection breaks, it connects again and first replays from the
 * change log what it may have missed meanwhile (a page may then see a change twice, never not at all).
 */
@Component
class ChangeNotifications implements SmartLifecycle {

    static final String CHANNEL = "appointment_change";

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;

    private final DataSource dataSource;
    private final ChangeLog changeLog;
    private final LiveFeed feed;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread listener;
    private long lastSeq = -1;

    ChangeNotifications(DataSource dataSource, ChangeLog changeLog, LiveFeed feed) {
        this.dataSource = dataSource;
        this.changeLog = changeLog;
        this.feed = feed;
    }

    static String payload(long seq, UUID appointmentId, FeedChange kind) {
        return seq + " " + appointmentId + " " + kind.wireName();
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            Thread thread = new Thread(this::listen, "appointment-change-listener");
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            Thread thread = listener;
            thread.interrupt();
            try {
                thread.join(2 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void listen() {
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                catchUp(connection);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                log.warn("Live feed lost its database connection ({}); connecting again in {} ms",
                        e.getClass().getSimpleName(), RETRY_MILLIS);
                pause();
            }
        }
    }

    /** After a reconnect: what was committed since the last change delivered. The first connect starts at now. */
    private void catchUp(Connection connection) throws SQLException {
        if (lastSeq < 0) {
            try (Statement statement = connection.createStatement();
                    var latest = statement.executeQuery("select coalesce(max(seq), 0) from appointment_change")) {
                latest.next();
                lastSeq = latest.getLong(1);
            }
            return;
        }
        for (ChangeLog.Entry change : changeLog.after(lastSeq, 1000)) {
            feed.changed(change.appointmentId(), change.kind(), change.seq());
            lastSeq = Math.max(lastSeq, change.seq());
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split(" ");
        long seq = Long.parseLong(parts[0]);
        feed.changed(UUID.fromString(parts[1]), FeedChange.ofWireName(parts[2]), seq);
        lastSeq = Math.max(lastSeq, seq);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
