package clinic.migraine.intake.referral.web;

import java.util.List;

import clinic.migraine.kit.icd10.Icd10Cm;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the referral form offers ({@code intake.referral-form.*}): the payer policies eligibility knows, by the id
 * the API takes and the name staff recognise, and the diagnosis codes each covers. A covered code that is not a
 * billable code of the clinic's ICD-10-CM set stops the service at start-up, naming the key: the form would offer
 * a code the API refuses.
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
        for (int i = 0; i < payerPolicies.size(); i++) {
            List<String> codes = payerPolicies.get(i).coveredCodes();
            for (int j = 0; j < codes.size(); j++) {
                String code = codes.get(j);
                int policy = i;
                int at = j;
                Icd10Cm.shipped().refusal(code).ifPresent(reason -> {
                    throw new IllegalStateException("intake.referral-form.payer-policies[" + policy
                            + "].covered-codes[" + at + "] " + code + " " + reason);
                });
            }
        }
    }

    /** The policy's name, or its id when the form does not list it. */
    String policyName(String id) {
        return payerPolicies.stream().filter(p -> p.id().equals(id)).map(PayerPolicy::name).findFirst().orElse(id);
    }

    /** Every code some policy covers, in the code set's order, with its description: the form's suggestions. */
    List<ReferralLabels.Option> diagnosisCodes() {
        List<String> covered = payerPolicies.stream().flatMap(p -> p.coveredCodes().stream()).distinct().toList();
        return Icd10Cm.shipped().codes().stream().filter(c -> covered.contains(c.code()))
                .map(c -> new ReferralLabels.Option(c.code(), c.description())).toList();
    }
}
