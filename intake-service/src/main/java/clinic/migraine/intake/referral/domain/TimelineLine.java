package clinic.migraine.intake.referral.domain;

import java.time.Instant;

/** One line of a referral's timeline as stored; {@code actor} is null when the system acted. */
public record TimelineLine(Instant at, String event, String summary, String actor) {
}
