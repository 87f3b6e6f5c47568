package clinic.migraine.scheduling.booking;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The schedulers' live feed: each committed change goes to every open Server-Sent-Events stream, its id the
 * change's sequence number so a reconnecting client (Last-Event-ID) is replayed what it missed.
 */
@Component
public class AppointmentFeed {

    /** The stream's event names, one per kind of change; pages listen for exactly these. */
    public static final String BOOKED = "booked";
    public static final String RESCHEDULED = "rescheduled";
    public static final String CANCELLED = "cancelled";
    public static final String ARRIVED = "arrived";
    public static final String NO_SHOW = "noshow";
    public static final String FULFILLED = "fulfilled";
    public static final List<String> EVENT_NAMES = List.of(BOOKED, RESCHEDULED, CANCELLED, ARRIVED, NO_SHOW, FULFILLED);

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
    void changed(UUID appointmentId, String kind, long seq) {
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
