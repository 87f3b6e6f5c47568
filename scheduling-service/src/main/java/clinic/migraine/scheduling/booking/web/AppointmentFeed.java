package clinic.migraine.scheduling.booking.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import clinic.migraine.scheduling.booking.application.FeedChange;
import clinic.migraine.scheduling.booking.application.LiveFeed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The schedulers' live feed: each committed change goes to every open Server-Sent-Events stream, its id the
 * change's sequence number so a reconnecting client (Last-Event-ID) is replayed what it missed.
 */
@Component
class AppointmentFeed implements LiveFeed {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile Function<UUID, Object> view = id -> id;

    /** How an appointment is shown in the feed; set by the web layer. */
    public void viewWith(Function<UUID, Object> view) {
        this.view = view;
    }

    public void register(SseEmitter emitter) {
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
    }

    /** Sends after the transaction commits, so nobody sees a change that was rolled back. */
    @Override
    public void changed(UUID appointmentId, FeedChange change, long seq) {
        String kind = change.wireName();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(appointmentId, kind, seq);
                }
            });
        } else {
            send(appointmentId, kind, seq);
        }
    }

    private void send(UUID appointmentId, String kind, long seq) {
        if (emitters.isEmpty()) {
            return;
        }
        Object data = view.apply(appointmentId);
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(String.valueOf(seq)).name(kind).data(data));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }
}
