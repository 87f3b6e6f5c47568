package clinic.migraine.intake.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import clinic.migraine.intake.referral.domain.ReferralStatus;
import clinic.migraine.intake.referral.application.ReferralQueries;
import clinic.migraine.kit.pages.ClinicTime;
import clinic.migraine.kit.phone.PhoneNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake staff's pages: the referral list and search, the referral form (sent to the API by the shared
 * script, which shows the API's field errors inline) and the referral page with its live progress.
 */
@Controller
class ReferralPages {

    static final int PAGE_SIZE = 50;
    static final int MAX_QUERY_LENGTH = 100;
    /** Preventive trial rows the form starts with; the page script adds more. */
    static final int TRIAL_ROWS = 3;
    /** Rows for treatments given elsewhere: the last two cycles are what the 84-day interval and the course need. */
    static final int OUTSIDE_TREATMENT_ROWS = 2;

    private final ReferralQueries queries;
    private final ReferralDetails details;
    private final ReferralFormProperties form;
    private final JsonMapper json;
    private final ClinicTime clinicTime;
    private final PhoneNumbers phones;

    ReferralPages(ReferralQueries queries, ReferralDetails details, ReferralFormProperties form, JsonMapper json,
            ClinicTime clinicTime, PhoneNumbers phones) {
        this.clinicTime = clinicTime;
        this.phones = phones;
        this.queries = queries;
        this.details = details;
        this.form = form;
        this.json = json;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/referrals";
    }

    /** The list; a status filter can be bookmarked, a name typed into the search box is posted instead. */
    @GetMapping("/referrals")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") String page, Model model) {
        return listPage(q, status, page, model);
    }

    /** The search box posts, so that patient names never land in addresses, browser history or server logs. */
    @PostMapping("/referrals/search")
    @Transactional(readOnly = true)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") String page, Model model) {
        return listPage(q, status, page, model);
    }

    record Row(UUID id, String patient, String memberId, String payerPolicy, ReferralStatus status,
            Instant receivedAt) {
    }

    private String listPage(String rawQuery, String rawStatus, String rawPage, Model model) {
        String q = rawQuery == null || rawQuery.isBlank() ? null : rawQuery.strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            q = q.substring(0, MAX_QUERY_LENGTH);
        }
        ReferralStatus status = parseStatus(rawStatus);
        long total = queries.count(status, q);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(parsePage(rawPage), pages - 1);
        List<Row> rows = queries.search(status, q, page, PAGE_SIZE).stream()
                .map(r -> new Row(r.id(), r.lastName() + ", " + r.firstName(), r.memberId(), r.payerPolicy(),
                        r.status(), r.createdAt()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", total == 0 ? 0 : (long) page * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) page * PAGE_SIZE + rows.size());
        return "referrals/list";
    }

    @GetMapping("/referrals/new")
    String newReferral(Model model) {
        model.addAttribute("payerPolicies", form.payerPolicies());
        model.addAttribute("commonTimeZones", ReferralLabels.COMMON_TIME_ZONES);
        model.addAttribute("allTimeZones", ReferralLabels.ALL_TIME_ZONES);
        model.addAttribute("defaultTimeZone", ReferralLabels.COMMON_TIME_ZONES.get(0));
        model.addAttribute("channels", ReferralLabels.channels());
        model.addAttribute("phoneRegion", phones.defaultRegion());
        model.addAttribute("diagnosisCodes", form.diagnosisCodes());
        model.addAttribute("drugClasses", ReferralLabels.drugClasses());
        model.addAttribute("trialResults", ReferralLabels.trialResults());
        model.addAttribute("overuses", ReferralLabels.medicationOveruses());
        model.addAttribute("contraindications", ReferralLabels.contraindications());
        model.addAttribute("trialRows", IntStream.range(0, TRIAL_ROWS).boxed().toList());
        model.addAttribute("outsideTreatmentRows", IntStream.range(0, OUTSIDE_TREATMENT_ROWS).boxed().toList());
        model.addAttribute("today", LocalDate.now(clinicTime.zone()));
        return "referrals/new";
    }

    record TrialView(String drug, String drugClass, Integer days, String result) {
    }

    record ClinicalView(Integer headacheDaysPerMonth, Integer migraineDaysPerMonth, Integer chronicMigraineMonths,
            String medicationOveruse, boolean onCgrpAntibody, List<String> contraindications, List<TrialView> trials) {
    }

    @GetMapping("/referrals/{id}")
    @Transactional(readOnly = true)
    ModelAndView referral(@PathVariable UUID id) {
        var referral = details.referral(id).orElse(null);
        var progress = details.progress(id).orElse(null);
        if (referral == null || progress == null) {
            return notFound();
        }
        ModelAndView page = progressView("referrals/referral", progress);
        page.addObject("referral", referral);
        page.addObject("payerPolicyName", form.policyName(referral.payerPolicy()));
        page.addObject("channel", ReferralLabels.channel(referral.preferredChannel()));
        page.addObject("clinical", clinical(referral.clinicalJson()));
        page.addObject("withdrawable", referral.withdrawnAt() == null
                && referral.status() != ReferralStatus.DISCONTINUED);
        return page;
    }

    /** The live part of the referral page, as an HTML fragment the page fetches every few seconds. */
    @GetMapping("/referrals/{id}/live")
    @Transactional(readOnly = true)
    ModelAndView live(@PathVariable UUID id) {
        return details.progress(id).map(progress -> progressView("referrals/live :: live", progress))
                .orElseGet(ReferralPages::notFound);
    }

    /** A malformed id in the address is a page that does not exist, shown as a page rather than problem JSON. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedId() {
        return notFound();
    }

    private static ModelAndView progressView(String view, ReferralDetails.Progress progress) {
        return new ModelAndView(view, Map.of("progress", progress,
                "statusText", ReferralLabels.status(progress.status())));
    }

    private ClinicalView clinical(String clinicalJson) {
        ReferralRequest.Clinical c = json.readValue(clinicalJson, ReferralRequest.Clinical.class);
        return new ClinicalView(c.headacheDaysPerMonth(), c.migraineDaysPerMonth(), c.chronicMigraineMonths(),
                c.medicationOveruse() == null ? null : ReferralLabels.medicationOveruse(c.medicationOveruse()),
                Boolean.TRUE.equals(c.onCgrpAntibody()),
                c.contraindicationList().stream().map(ReferralLabels::contraindication).toList(),
                c.trials().stream().map(t -> new TrialView(t.drug(),
                        t.drugClass() == null ? null : ReferralLabels.drugClass(t.drugClass()), t.days(),
                        t.result() == null ? null : ReferralLabels.trialResult(t.result()))).toList());
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private static ReferralStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
