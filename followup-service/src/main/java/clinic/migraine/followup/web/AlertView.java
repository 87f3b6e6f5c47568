package clinic.migraine.followup.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.SideEffect;

/**
 * An urgent alert as staff see it: what was reported, how old it is, where it stands (OPEN, ACKNOWLEDGED, CLOSED),
 * who acknowledged and closed it, and how many escalations reached the on-call staff.
 */
public record AlertView(UUID id, UUID referralId, int cycle, List<SideEffect> sideEffects, Feeling feeling, String note,
        Instant answeredAt, long ageMinutes, Answer.AlertStatus status, String acknowledgedBy, Instant acknowledgedAt,
        String closedBy, Instant closedAt, String closeNote, int escalationsSent) {

    static AlertView of(Answer a, int escalationsSent, Instant now) {
        return new AlertView(a.id(), a.referralId(), a.cycle(), a.sideEffects(), a.feeling(), a.note(), a.answeredAt(),
                Duration.between(a.answeredAt(), now).toMinutes(), a.alertStatus(), a.handledBy(), a.handledAt(),
                a.closedBy(), a.closedAt(), a.closeNote(), escalationsSent);
    }

    /** "12 min", "3 h 5 min", "2 d 4 h": how long ago the patient reported it. */
    public String age() {
        long minutes = Math.max(0, ageMinutes);
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
    }
}
