package clinic.migraine.intake.referral.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the referral form offers ({@code intake.referral-form.*}): the payer policies eligibility knows, by the id
 * the API takes and the name staff recognise.
 */
@ConfigurationProperties("intake.referral-form")
record ReferralFormProperties(List<PayerPolicy> payerPolicies) {

    record PayerPolicy(String id, String name) {
    }

    ReferralFormProperties {
        payerPolicies = payerPolicies == null ? List.of() : List.copyOf(payerPolicies);
    }

    /** The policy's name, or its id when the form does not list it. */
    String policyName(String id) {
        return payerPolicies.stream().filter(p -> p.id().equals(id)).map(PayerPolicy::name).findFirst().orElse(id);
    }
}
