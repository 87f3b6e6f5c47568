package clinic.migraine.intake.referral.application;

import clinic.migraine.intake.referral.domain.ChartNews;
import clinic.migraine.intake.referral.domain.PatientCharts;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralTimeline;
import clinic.migraine.intake.referral.domain.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the other services report about a referral, in any order, onto the timeline and the facts the
 * status is derived from ({@link clinic.migraine.intake.referral.domain.ReferralFacts}).
 */
@Service
public class ReferralProgress {

    private static final Logger log = LoggerFactory.getLogger(ReferralProgress.class);

    private final Referrals referrals;
    private final ReferralTimeline timeline;
    private final PatientCharts charts;

    ReferralProgress(Referrals referrals, ReferralTimeline timeline, PatientCharts charts) {
        this.charts = charts;
        this.referrals = referrals;
        this.timeline = timeline;
    }

    /** {@code chart}: what the same event adds to the patient chart, null for nothing. */
    @Transactional
    public void apply(ProgressReport report, ChartNews chart) {
        Referral referral = referrals.lock(report.referralId()).orElse(null);
        if (referral == null) {
            log.warn("Event {} is about unknown referral {}; ignored", report.eventId(), report.referralId());
            return;
        }
        if (report.visit() != null) {
            timeline.apply(report.referralId(), report.visit(), report.at());
        }
        timeline.record(report);
        if (chart != null) {
            charts.record(chart);
        }
        referrals.updateStatus(report.referralId(),
                timeline.facts(report.referralId(), referral.withdrawnAt() != null).status());
    }
}
