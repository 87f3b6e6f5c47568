package clinic.migraine.intake.referral.domain;

import java.util.List;
import java.util.UUID;

/** The chart facts downstream events brought, per referral. */
public interface PatientCharts {

    /** Stores the news; the same event again changes nothing. */
    void record(ChartNews news);

    /** Oldest first. */
    List<ChartNews.TreatmentGiven> treatments(UUID referralId);

    /** Oldest first. */
    List<ChartNews.DiaryReported> diary(UUID referralId);

    /** Oldest first. */
    List<ChartNews.PayerTerms> payerTerms(UUID referralId);
}
