package clinic.migraine.scheduling.booking.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import clinic.migraine.scheduling.SchedulingProperties;
import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.application.LiveFeed;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The schedulers' live feed: each committed change, made on this instance or another, goes to every open
 * Server-Sent-Events stream on this instance, its id the change's sequence number so a reconnecting client
 * (Last-Event-ID, on any instance) is replayed what it missed.
 *
 * <p>Streams end: each after {@code clinic.scheduling.stream.timeout} (the page's EventSource reconnects with
 * Last-Event-ID and loses nothing), all of an account's when it signs out, and its oldest when an account opens
 * more than {@code clinic.scheduling.stream.per-account}. A comment every {@code heartbeat} keeps proxies from
 * cutting an idle stream and finds the dead ones. Changes are sent from the feed's own thread, so a slow client
 * never holds up the booking that caused them.
 */
@Component
class AppointmentFeed implements LiveFeed {

    /** One open stream and whose it is. */
    private record Stream(SseEmitter emitter, String account) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final SchedulingProperties.Stream settings;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("appointment-feed"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            daemon("appointment-feed-heartbeat"));
    private volatile Function<UUID, Object> view = id -> id;

    AppointmentFeed(SchedulingProperties properties) {
        this.settings = properties.stream();
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** How an appointment is shown in the feed; set by the web layer. */
    public void viewWith(Function<UUID, Object> view) {
        this.view = view;
    }

    /** A new stream for the signed-in account, which expires by itself. */
    SseEmitter open(String account) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Stream stream = new Stream(emitter, account);
        List<Stream> ofAccount = streams.stream().filter(s -> s.account().equals(account)).toList();
        for (int i = 0; i <= ofAccount.size() - settings.perAccount(); i++) {
            end(ofAccount.get(i));
        }
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> end(stream));
        emitter.onError(e -> streams.remove(stream));
        return emitter;
    }

    /** Signing out ends every stream the account has open. */
    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        String account = event.getAuthentication().getName();
        new ArrayList<>(streams).stream().filter(s -> s.account().equals(account)).forEach(this::end);
    }

    /** Told by the change log once a change committed; sends from the feed's own thread. */
    @Override
    public void changed(UUID appointmentId, FeedChange change, long seq) {
        String kind = change.wireName();
        sender.execute(() -> send(appointmentId, kind, seq));
    }

    /** How many streams are open now. */
    int open() {
        return streams.size();
    }

    private void send(UUID appointmentId, String kind, long seq) {
        if (streams.isEmpty()) {
            return;
        }
        Object data = view.apply(appointmentId);
        for (Stream stream : streams) {
            try {
                stream.emitter().send(SseEmitter.event().id(String.valueOf(seq)).name(kind).data(data));
            } catch (IOException | IllegalStateException e) {
                streams.remove(stream);
            }
        }
    }

    private void beat() {
        for (Stream stream : streams) {
            try {
                stream.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                streams.remove(stream);
            }
        }
    }

    private void end(Stream stream) {
        streams.remove(stream);
        try {
            stream.emitter().complete();
        } catch (IllegalStateException alreadyDone) {
            // completed meanwhile
        }
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        new ArrayList<>(streams).forEach(this::end);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
