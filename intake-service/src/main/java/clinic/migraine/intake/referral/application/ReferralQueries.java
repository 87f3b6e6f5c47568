package clinic.migraine.intake.referral.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.intake.referral.domain.DecisionLine;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.intake.referral.domain.ReferralTimeline;
import clinic.migraine.intake.referral.domain.Referrals;
import clinic.migraine.intake.referral.domain.TimelineLine;
import clinic.migraine.intake.referral.domain.VisitLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pages and the API read about referrals. */
@Service
@Transactional(readOnly = true)
public class ReferralQueries {

    private final Referrals referrals;
    private final ReferralTimeline timeline;

    ReferralQueries(Referrals referrals, ReferralTimeline timeline) {
        this.referrals = referrals;
        this.timeline = timeline;
    }

    public Optional<Referral> find(UUID id) {
        return referrals.find(id);
    }

    public List<Referral> search(ReferralStatus status, String query, int page, int size) {
        return referrals.search(status, query, page, size);
    }

    public long count(ReferralStatus status, String query) {
        return referrals.count(status, query);
    }

    public List<TimelineLine> timeline(UUID id) {
        return timeline.lines(id);
    }

    public List<DecisionLine> decisions(UUID id) {
        return timeline.decisions(id);
    }

    public List<VisitLine> visits(UUID id) {
        return timeline.visits(id);
    }
}
