package clinic.migraine.followup.checkin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A patient's answer to a check-in or diary, one per link: its id is the id of the message that carried the link.
 * An urgent answer is the clinic's alert until a clinician marks it handled. {@code note} is the patient's own
 * words: shown to staff, never logged or published.
 */
public record Answer(UUID id, UUID referralId, int cycle, AnswerKind kind, Integer headacheDaysLast30,
        Integer headacheDaysSinceVisit, Feeling feeling, List<SideEffect> sideEffects, String note, boolean urgent,
        Instant answeredAt, Instant handledAt, String handledBy) {

    public Answer {
        sideEffects = List.copyOf(sideEffects);
    }

    /** The answer and what recording it caused. */
    public record Recorded(Answer answer, List<AnswerEvent> events) {

        public Recorded {
            events = List.copyOf(events);
        }
    }

    /**
     * Records a reply given through the link of message {@code messageId}: side effects in their fixed order, so
     * the same answer always reads the same; a blank note is no note. Always {@link AnswerRecorded}; when the reply
     * is urgent, {@link UrgentSideEffectsReported} as well.
     */
    public static Recorded record(UUID messageId, UUID referralId, int cycle, AnswerKind kind, Reply reply,
            Instant now) {
        List<SideEffect> effects = List.of(SideEffect.values()).stream().filter(reply.sideEffects()::contains).toList();
        String note = reply.note() == null || reply.note().isBlank() ? null : reply.note().strip();
        Answer answer = new Answer(messageId, referralId, cycle, kind, reply.headacheDaysLast30(),
                reply.headacheDaysSinceVisit(), reply.feeling(), effects, note, reply.urgent(), now, null, null);
        List<AnswerEvent> events = new ArrayList<>();
        events.add(new AnswerRecorded(messageId, referralId, cycle, kind, reply.headacheDaysLast30(), effects,
                answer.urgent(), now));
        if (answer.urgent()) {
            events.add(new UrgentSideEffectsReported(messageId, referralId, cycle, effects, now));
        }
        return new Recorded(answer, events);
    }

    /**
     * Marks the alert or the task handled by a clinician.
     *
     * @throws NotAnAlert when this answer raised neither an alert nor a task
     * @throws AlertAlreadyHandled when someone handled it before
     */
    public Answer markHandled(String by, Instant at) {
        if (!urgent && !clinicianTask()) {
            throw new NotAnAlert(id);
        }
        if (handledAt != null) {
            throw new AlertAlreadyHandled();
        }
        return new Answer(id, referralId, cycle, kind, headacheDaysLast30, headacheDaysSinceVisit, feeling,
                sideEffects, note, urgent, answeredAt, at, by);
    }

    /**
     * A clinician's task rather than an alarm: not urgent, but a side effect a clinician should know about (a
     * drooping eyelid alone, neck weakness).
     */
    public boolean clinicianTask() {
        return !urgent && sideEffects.stream().anyMatch(SideEffect::forAClinician);
    }

    /** Whether the patient reported this side effect (by its name, for the pages). */
    public boolean reported(String sideEffect) {
        return sideEffects.stream().anyMatch(effect -> effect.name().equals(sideEffect));
    }
}
