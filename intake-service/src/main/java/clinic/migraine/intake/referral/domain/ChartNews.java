package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What a downstream event adds to the patient's chart; one event, one piece of news. */
public interface ChartNews {

    UUID eventId();

    UUID referralId();

    /** An injection given here. */
    record TreatmentGiven(UUID eventId, UUID referralId, int cycle, LocalDate date, int units) implements ChartNews {
    }

    /** The patient's diary: headache days in the last 30. */
    record DiaryReported(UUID eventId, UUID referralId, int cycle, Instant at, int headacheDays)
            implements ChartNews {
    }

    /** The payer side of a decision; {@code authorization} and {@code continuationHeadacheDays} may be null. */
    record PayerTerms(UUID eventId, UUID referralId, int cycle, Instant at, Authorization authorization,
            Double continuationHeadacheDays) implements ChartNews {
    }

    /** A prior authorization as the payer granted it. */
    record Authorization(String number, LocalDate validFrom, LocalDate validUntil, int treatmentsAuthorized,
            int treatmentsUsed) {
    }
}
