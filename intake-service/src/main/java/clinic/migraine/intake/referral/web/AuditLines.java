package clinic.migraine.intake.referral.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import clinic.migraine.kit.audit.AuditTrail;

/**
 * The referral page's audit trail: what staff did here (intake's own audit entries) and what staff did in the
 * other services as their events report it (timeline entries that name an actor), merged by time.
 */
final class AuditLines {

    /** Who did what, and when. {@code detail} carries codes and statuses, never patient data. */
    record Line(Instant at, String actor, String action, String detail) {
    }

    private AuditLines() {
    }

    static List<Line> merge(List<AuditTrail.Entry> own, List<ReferralDetails.TimelineEntry> timeline) {
        List<Line> lines = new ArrayList<>();
        own.forEach(entry -> lines.add(new Line(entry.at(), entry.actor(), entry.action(), entry.detail())));
        timeline.stream().filter(entry -> entry.actor() != null)
                .forEach(entry -> lines.add(new Line(entry.at(), entry.actor(), action(entry.event()), entry.summary())));
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    static String action(String event) {
        return switch (event) {
            case "EligibilityDetermined" -> "eligibility decided";
            case "AppointmentBooked" -> "appointment booked";
            case "AppointmentRescheduled" -> "appointment rescheduled";
            case "AppointmentCancelled" -> "appointment cancelled";
            case "AppointmentNoShow" -> "no-show recorded";
            case "TreatmentCompleted" -> "treatment recorded";
            default -> event;
        };
    }
}
