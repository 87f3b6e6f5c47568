package clinic.migraine.eligibility.decision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.eligibility.decision.application.Eligibility;
import clinic.migraine.eligibility.decision.application.ReviewQueries;
import clinic.migraine.eligibility.decision.domain.Review;
import clinic.migraine.eligibility.decision.domain.ReviewStatus;
import clinic.migraine.eligibility.decision.web.ReviewViews.ReviewView;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.ReasonCode;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.kit.security.Actors;
import clinic.migraine.kit.web.DomainErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinicians' pages: the review queue, and one review with its clinical facts, where a clinician records a
 * prior authorization or decides. Plain forms that work without script; the signed-in account is the clinician.
 */
@Controller
class ReviewPages {

    static final int QUEUE_LIMIT = 200;
    static final int RECENTLY_DECIDED = 20;

    private final Eligibility eligibility;
    private final ReviewQueries queries;
    private final ReviewViews views;
    private final Policies policies;
    private final AuditTrail audit;
    private final PatientDirectory directory;

    ReviewPages(Eligibility eligibility, ReviewQueries queries, ReviewViews views, Policies policies,
            AuditTrail audit, PatientDirectory directory) {
        this.directory = directory;
        this.eligibility = eligibility;
        this.queries = queries;
        this.views = views;
        this.policies = policies;
        this.audit = audit;
    }

    /** One line of the queue: no clinical facts, those are on the review's own page. */
    record QueueRow(UUID id, UUID referralId, int cycle, String status, String outcome, String policyId,
            String policyName, List<String> reasonCodes, Instant openedAt, Instant closedAt, String clinician) {
    }

    public static class AuthorizationForm {

        @NotBlank(message = "enter the payer's authorization number")
        @Size(max = 60, message = "must be at most 60 characters")
        private String authorizationNumber;

        @NotNull(message = "enter the first day it is valid")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validFrom;

        @NotNull(message = "enter the last day it is valid")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;

        @NotNull(message = "enter how many treatments the payer approved")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 20, message = "must be at most 20")
        private Integer treatmentsAuthorized;

        public LocalDate getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(LocalDate validFrom) {
            this.validFrom = validFrom;
        }

        public Integer getTreatmentsAuthorized() {
            return treatmentsAuthorized;
        }

        public void setTreatmentsAuthorized(Integer treatmentsAuthorized) {
            this.treatmentsAuthorized = treatmentsAuthorized;
        }

        public String getAuthorizationNumber() {
            return authorizationNumber;
        }

        public void setAuthorizationNumber(String authorizationNumber) {
            this.authorizationNumber = authorizationNumber == null ? null : authorizationNumber.strip();
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
        }
    }

    public static class DecisionForm {

        @NotNull(message = "choose eligible or not eligible")
        @Pattern(regexp = "ELIGIBLE|NOT_ELIGIBLE", message = "choose eligible or not eligible")
        private String outcome;

        @NotBlank(message = "write why you decided this; the note stays with the decision")
        @Size(max = 2000, message = "must be at most 2000 characters")
        private String note;

        public String getOutcome() {
            return outcome;
        }

        public void setOutcome(String outcome) {
            this.outcome = outcome;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    @GetMapping("/")
    String start() {
        return "redirect:/reviews";
    }

    @GetMapping("/reviews")
    String queue(Model model) {
        openQueue(model);
        model.addAttribute("decided", rows(queries.recentlyClosed(RECENTLY_DECIDED)));
        return "reviews/queue";
    }

    /** A patient found by name or birth date, with what of theirs waits for review. */
    record Found(PatientDirectory.Patient patient, List<QueueRow> open) {
    }

    @GetMapping("/reviews/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        String q = query == null ? "" : query.strip();
        model.addAttribute("q", q);
        model.addAttribute("found", directory.search(q, QUEUE_LIMIT).stream()
                .map(p -> new Found(p, rows(queries.openOf(p.referralId())))).toList());
        return "reviews/search";
    }

    /** The open reviews alone, refreshed in place on the queue page as new ones arrive. */
    @GetMapping("/reviews/open")
    String openReviews(Model model) {
        openQueue(model);
        return "reviews/open :: open";
    }

    private void openQueue(Model model) {
        model.addAttribute("open", rows(queries.withStatus(ReviewStatus.OPEN, QUEUE_LIMIT)));
        model.addAttribute("openCount", queries.countOpen());
    }

    @GetMapping("/reviews/{id}")
    String review(@PathVariable UUID id, Model model) {
        return reviewPage(views.find(id), model);
    }

    @PostMapping("/reviews/{id}/authorization")
    String authorize(@PathVariable UUID id, @Valid @ModelAttribute AuthorizationForm authorizationForm,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                ReviewView review = views.view(eligibility.authorize(id, new Eligibility.AuthorizationGiven(
                        authorizationForm.getAuthorizationNumber(), authorizationForm.getValidFrom(),
                        authorizationForm.getValidUntil(), authorizationForm.getTreatmentsAuthorized()),
                        Actors.current()));
                redirect.addFlashAttribute("notice", "CLOSED".equals(review.status())
                        ? "Prior authorization recorded. Nothing else was waiting: the referral is eligible and goes on to scheduling."
                        : "Prior authorization recorded. The remaining reasons still need your decision.");
                return "redirect:/reviews/" + id;
            } catch (Conflict closed) {
                return closedMeanwhile(id, redirect);
            } catch (RuleBroken refused) {
                DomainErrors.reject(errors, refused);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return reviewPage(views.find(id), model);
    }

    @PostMapping("/reviews/{id}/decision")
    String decide(@PathVariable UUID id, @Valid @ModelAttribute DecisionForm decisionForm, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                EligibilityOutcome outcome = EligibilityOutcome.valueOf(decisionForm.getOutcome());
                ReviewView review = views.view(eligibility.decide(id, outcome, decisionForm.getNote(),
                        Actors.current()));
                redirect.addFlashAttribute("notice", "Decision recorded: " + (outcome == EligibilityOutcome.ELIGIBLE
                        ? "eligible" : "not eligible") + " for cycle " + review.cycle() + " under "
                        + policyName(review.policyId()) + ".");
                return "redirect:/reviews";
            } catch (Conflict closed) {
                return closedMeanwhile(id, redirect);
            } catch (RuleBroken refused) {
                DomainErrors.reject(errors, refused);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return reviewPage(views.find(id), model);
    }

    /** Decided by a colleague, or closed because the referral was withdrawn, while this clinician looked at it. */
    private static String closedMeanwhile(UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "This review was closed in the meantime; nothing was changed.");
        return "redirect:/reviews/" + id;
    }

    /** A review that does not exist: the shared error page, not the API's problem details. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refusal) {
        return errorPage(DomainErrors.status(refusal));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView unknownAddress() {
        return errorPage(HttpStatus.NOT_FOUND);
    }

    private static ModelAndView errorPage(HttpStatus status) {
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }

    private String reviewPage(ReviewView review, Model model) {
        boolean open = "OPEN".equals(review.status());
        model.addAttribute("review", review);
        model.addAttribute("open", open);
        model.addAttribute("policyName", policyName(review.policyId()));
        model.addAttribute("age", review.clinical() == null || review.clinical().dateOfBirth() == null ? null
                : Period.between(review.clinical().dateOfBirth(), eligibility.today()).getYears());
        model.addAttribute("authorizationNeeded", open && review.openReasons().stream()
                .anyMatch(r -> ReasonCode.valueOf(r.code()).authorization()));
        model.addAttribute("authorizationRequiredByPolicy", policies.find(review.policyId())
                .map(p -> p.priorAuthorization() != Policy.PriorAuthorization.NONE).orElse(false));
        model.addAttribute("endOfCourse", open && review.confirmsEndOfCourse());
        model.addAttribute("activity", audit.changesAbout(review.id()));
        model.addAttribute("today", eligibility.today());
        if (!model.containsAttribute("authorizationForm")) {
            model.addAttribute("authorizationForm", new AuthorizationForm());
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new DecisionForm());
        }
        return "reviews/review";
    }

    private List<QueueRow> rows(List<Review> reviews) {
        return reviews.stream().map(r -> new QueueRow(r.id(), r.referralId(), r.cycle(), r.status().name(),
                r.outcome() == null ? null : r.outcome().name(), r.policyId(), policyName(r.policyId()),
                r.openReasons().stream().map(reason -> reason.code().name()).toList(),
                r.openedAt(), r.closedAt(), r.clinician())).toList();
    }

    private String policyName(String policyId) {
        return policies.find(policyId).map(Policy::name).orElse(policyId);
    }
}
