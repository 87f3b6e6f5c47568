package clinic.migraine.intake.referral.messaging;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.events.Authorization;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.intake.referral.domain.ChartNews;
import clinic.migraine.events.EventEnvelope;
import org.apache.avro.specific.SpecificRecord;

/** Reads what a downstream event adds to the patient chart. */
final class ChartReports {

    private ChartReports() {
    }

    /** Null when the event adds nothing to the chart (a diary answer without headache days, a booking). */
    static ChartNews of(SpecificRecord event) {
        UUID referralId = EventEnvelope.referralId(event);
        UUID eventId = EventEnvelope.eventId(event);
        Instant at = EventEnvelope.occurredAt(event);
        if (event instanceof TreatmentCompleted e) {
            return new ChartNews.TreatmentGiven(eventId, referralId, e.getCycle(), e.getTreatmentDate(), e.getUnits());
        }
        if (event instanceof FollowUpRecorded e && e.getHeadacheDaysLast30() != null) {
            return new ChartNews.DiaryReported(eventId, referralId, e.getCycle(), at, e.getHeadacheDaysLast30());
        }
        if (event instanceof EligibilityDetermined e
                && (e.getAuthorization() != null || e.getContinuationHeadacheDays() != null)) {
            Authorization a = e.getAuthorization();
            return new ChartNews.PayerTerms(eventId, referralId, e.getCycle(), at, a == null ? null
                    : new ChartNews.Authorization(a.getNumber(), a.getValidFrom(), a.getValidUntil(),
                            a.getTreatmentsAuthorized(), a.getTreatmentsUsed()),
                    e.getContinuationHeadacheDays());
        }
        return null;
    }
}
