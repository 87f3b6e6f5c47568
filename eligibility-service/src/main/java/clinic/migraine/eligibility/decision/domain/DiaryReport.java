package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;

/** One monthly diary answer: headache days in the last month, for the cycle it followed. */
public record DiaryReport(int cycle, int headacheDays, Instant reportedAt) {
}
