package clinic.migraine.intake.referral.domain;

import java.util.List;
import java.util.UUID;

/** What intake heard about each referral: timeline lines, decisions and visits, and the facts they add up to. */
public interface ReferralTimeline {

    /** One line; the same event again changes nothing. */
    void record(ProgressReport report);

    /** Applies a visit's news; news older than what is known changes nothing. */
    void apply(UUID referralId, ProgressReport.VisitChange visit, java.time.Instant at);

    ReferralFacts facts(UUID referralId, boolean withdrawn);

    List<TimelineLine> lines(UUID referralId);

    /** By cycle, then time. */
    List<DecisionLine> decisions(UUID referralId);

    /** By start. */
    List<VisitLine> visits(UUID referralId);
}
