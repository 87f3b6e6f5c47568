package clinic.migraine.followup.checkin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;

/**
 * A patient's answer to a check-in or diary, one per link: its id is the id of the message that carried the link.
 * An urgent answer is the clinic's alert: OPEN until a clinician acknowledges it (handledAt, handledBy; this stops
 * its escalations), then CLOSED with a note on what was done. A clinician's task is handled once, when done.
 * {@code note} is the patient's own words: shown to staff, never logged or published; {@code closeNote} is the
 * clinician's.
 */
public record Answer(UUID id, UUID referralId, int cycle, AnswerKind kind, Integer headacheDaysLast30,
        Integer headacheDaysSinceVisit, Feeling feeling, List<SideEffect> sideEffects, String note, boolean urgent,
        Instant answeredAt, Instant handledAt, String handledBy, Instant closedAt, String closedBy,
        String closeNote) {

    /** Where an urgent alert stands. */
    public enum AlertStatus { OPEN, ACKNOWLEDGED, CLOSED }

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
                reply.headacheDaysSinceVisit(), reply.feeling(), effects, note, reply.urgent(), now, null, null, null, null,
                null);
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
                sideEffects, note, urgent, answeredAt, at, by, closedAt, closedBy, closeNote);
    }

    /** Acknowledges the alert: someone is on it, and its escalations stop. Same rules as {@link #markHandled}. */
    public Answer acknowledge(String by, Instant at) {
        if (!urgent) {
            throw new NotAnAlert(id);
        }
        return markHandled(by, at);
    }

    /**
     * Closes the alert with what was done. An alert closed while still open counts as acknowledged by whoever
     * closed it.
     *
     * @throws NotAnAlert when this answer raised no alert
     * @throws AlertAlreadyHandled when it was closed before
     * @throws RuleBroken when the note is blank
     */
    public Answer close(String by, Instant at, String closingNote) {
        if (!urgent) {
            throw new NotAnAlert(id);
        }
        if (closedAt != null) {
            throw new AlertAlreadyHandled("This alert was already closed");
        }
        if (closingNote == null || closingNote.isBlank()) {
            throw new RuleBroken("Say what was done before closing the alert",
                    List.of(new Violation("note", "must say what was done")));
        }
        return new Answer(id, referralId, cycle, kind, headacheDaysLast30, headacheDaysSinceVisit, feeling,
                sideEffects, note, urgent, answeredAt, handledAt == null ? at : handledAt,
                handledBy == null ? by : handledBy, at, by, closingNote.strip());
    }

    /** Where the alert stands; null for an answer that raised none. */
    public AlertStatus alertStatus() {
        if (!urgent) {
            return null;
        }
        return closedAt != null ? AlertStatus.CLOSED : handledAt != null ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN;
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
