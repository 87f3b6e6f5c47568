package clinic.migraine.intake.referral.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the referral form offers ({@code intake.referral-form.*}): the payer policies eligibility knows, by the id
 * the API takes and the name staff recognise.
 */
@ConfigurationProperties("intake.referral-form")
record ReferralFormProperties(List<PayerPolicy> payerPolicies) {

    /** @param coveredCodes the diagnosis codes the payer covers, as its policy file in eligibility lists them */
    record PayerPolicy(String id, String name, List<String> coveredCodes) {

        PayerPolicy {
            coveredCodes = coveredCodes == null ? List.of() : List.copyOf(coveredCodes);
        }

        /** For the form's script: the codes joined by spaces. */
        public String covered() {
            return String.join(" ", coveredCodes);
        }
    }

    ReferralFormProperties {
        payerPolicies = payerPolicies == null ? List.of() : List.copyOf(payerPolicies);
    }

    /** The policy's name, or its id when the form does not list it. */
    String policyName(String id) {
        return payerPolicies.stream().filter(p -> p.id().equals(id)).map(PayerPolicy::name).findFirst().orElse(id);
    }
}
