package clinic.migraine.eligibility.decision.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.decision.application.Eligibility;
import clinic.migraine.eligibility.decision.domain.Authorizations;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The renewal worklist: each patient's newest prior authorization per payer that ends soon or has at most one
 * treatment left, soonest end first. API and a page, for clinicians.
 */
@Controller
@Validated
class AuthorizationController {

    static final int LIMIT = 500;

    private final Eligibility eligibility;
    private final Policies policies;

    AuthorizationController(Eligibility eligibility, Policies policies) {
        this.eligibility = eligibility;
        this.policies = policies;
    }

    /** One authorization to renew and why: {@code endsInDays} (negative once ended), treatments left. */
    record RenewalView(UUID id, UUID referralId, UUID patientId, String policyId, String policyName,
            String authorizationNumber, LocalDate validFrom, LocalDate validUntil, int treatmentsAuthorized,
            int treatmentsUsed, int treatmentsLeft, long endsInDays, List<String> why) {
    }

    @GetMapping(path = "/api/authorizations", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<RenewalView> expiring(@RequestParam(defaultValue = "30") @Min(0) @Max(365) int expiringWithinDays) {
        return renewals(expiringWithinDays);
    }

    @GetMapping("/authorizations")
    String page(@RequestParam(defaultValue = "30") @Min(0) @Max(365) int expiringWithinDays, Model model) {
        model.addAttribute("renewals", renewals(expiringWithinDays));
        model.addAttribute("withinDays", expiringWithinDays);
        return "authorizations/renewals";
    }

    private List<RenewalView> renewals(int withinDays) {
        LocalDate today = eligibility.today();
        return eligibility.expiringAuthorizations(withinDays, LIMIT).stream().map(r -> view(r, today, withinDays))
                .toList();
    }

    private RenewalView view(Authorizations.Recorded r, LocalDate today, int withinDays) {
        Authorization a = r.authorization();
        long endsIn = ChronoUnit.DAYS.between(today, a.validUntil());
        List<String> why = new java.util.ArrayList<>();
        if (endsIn <= withinDays) {
            why.add(endsIn < 0 ? "ENDED" : "ENDS_SOON");
        }
        if (a.treatmentsLeft() <= 1) {
            why.add(a.treatmentsLeft() == 0 ? "NO_TREATMENTS_LEFT" : "ONE_TREATMENT_LEFT");
        }
        return new RenewalView(r.id(), r.referralId(), r.patientId(), r.policyId(),
                policies.find(r.policyId()).map(Policy::name).orElse(r.policyId()), a.number(), a.validFrom(),
                a.validUntil(), a.treatmentsAuthorized(), a.treatmentsUsed(), a.treatmentsLeft(), endsIn, why);
    }
}
