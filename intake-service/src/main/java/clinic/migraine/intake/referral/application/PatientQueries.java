package clinic.migraine.intake.referral.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.intake.referral.domain.ChartNews;
import clinic.migraine.intake.referral.domain.DecisionLine;
import clinic.migraine.intake.referral.domain.Patient;
import clinic.migraine.intake.referral.domain.PatientCharts;
import clinic.migraine.intake.referral.domain.Patients;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralDraft;
import clinic.migraine.intake.referral.domain.ReferralTimeline;
import clinic.migraine.intake.referral.domain.Referrals;
import clinic.migraine.intake.referral.domain.VisitLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the patient API and page read: one person across all their referrals. */
@Service
@Transactional(readOnly = true)
public class PatientQueries {

    private final Patients patients;
    private final Referrals referrals;
    private final ReferralTimeline timeline;
    private final PatientCharts charts;
    private final JsonMapper json;

    PatientQueries(Patients patients, Referrals referrals, ReferralTimeline timeline, PatientCharts charts,
            JsonMapper json) {
        this.patients = patients;
        this.referrals = referrals;
        this.timeline = timeline;
        this.charts = charts;
        this.json = json;
    }

    /** A referral's headache days per month as the referrer gave them: the baseline. */
    public record Baseline(UUID referralId, Instant submitted, Integer headacheDaysPerMonth) {
    }

    public record Decision(UUID referralId, DecisionLine line) {
    }

    public record Visit(UUID referralId, VisitLine line) {
    }

    /** {@code cycle} null and {@code outside} true for a treatment given elsewhere before a referral. */
    public record Treatment(UUID referralId, LocalDate date, int units, Integer cycle, boolean outside,
            String clinic) {
    }

    public record PatientFile(Patient patient, List<Referral> referrals, List<Baseline> baselines,
            List<Decision> decisions, List<Visit> visits, List<Treatment> treatments,
            List<ChartNews.PayerTerms> payerTerms, List<ChartNews.DiaryReported> diary,
            List<UUID> openDuplicates) {

        /** The payer's continuation line of the newest decision that gave one. */
        public Double continuationHeadacheDays() {
            Double line = null;
            for (ChartNews.PayerTerms t : payerTerms) {
                if (t.continuationHeadacheDays() != null) {
                    line = t.continuationHeadacheDays();
                }
            }
            return line;
        }
    }

    public List<Patients.PatientSummary> search(String query, int limit) {
        return patients.search(query, limit);
    }

    public Optional<PatientFile> file(UUID id) {
        return patients.find(id).map(this::file);
    }

    private PatientFile file(Patient patient) {
        List<Referral> theirs = referrals.ofPatient(patient.id());
        List<Baseline> baselines = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        List<ChartNews.PayerTerms> terms = new ArrayList<>();
        List<ChartNews.DiaryReported> diary = new ArrayList<>();
        for (Referral r : theirs) {
            baselines.add(new Baseline(r.id(), r.createdAt(), headacheDays(r.clinicalJson())));
            timeline.decisions(r.id()).forEach(d -> decisions.add(new Decision(r.id(), d)));
            timeline.visits(r.id()).forEach(v -> visits.add(new Visit(r.id(), v)));
            for (ReferralDraft.OutsideTreatment t : referrals.outsideTreatments(r.id())) {
                treatments.add(new Treatment(r.id(), t.date(), t.units(), null, true, t.clinic()));
            }
            for (ChartNews.TreatmentGiven t : charts.treatments(r.id())) {
                treatments.add(new Treatment(r.id(), t.date(), t.units(), t.cycle(), false, null));
            }
            terms.addAll(charts.payerTerms(r.id()));
            diary.addAll(charts.diary(r.id()));
        }
        treatments.sort(Comparator.comparing(Treatment::date));
        terms.sort(Comparator.comparing(ChartNews.PayerTerms::at));
        diary.sort(Comparator.comparing(ChartNews.DiaryReported::at));
        decisions.sort(Comparator.comparing(d -> d.line().occurredAt()));
        visits.sort(Comparator.comparing(v -> v.line().start()));
        return new PatientFile(patient, theirs, baselines, decisions, visits, treatments, terms, diary,
                patients.openDuplicates(patient.id()));
    }

    private Integer headacheDays(String clinicalJson) {
        JsonNode days = json.readTree(clinicalJson).get("headacheDaysPerMonth");
        return days == null || days.isNull() ? null : days.asInt();
    }
}
