package clinic.migraine.intake.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReferralFormPropertiesTest {

    @Test
    void theFormOffersEveryCoveredCodeOnceInTheCodeSetsOrderWithItsDescription() {
        ReferralFormProperties form = new ReferralFormProperties(List.of(
                new ReferralFormProperties.PayerPolicy("label", "FDA label", List.of("G43.E19", "G43.709")),
                new ReferralFormProperties.PayerPolicy("nice", "NICE", List.of("G43.709", "G43.701"))));

        assertThat(form.diagnosisCodes()).containsExactly(
                new ReferralLabels.Option("G43.701", "Chronic migraine without aura, not intractable, with status migrainosus"),
                new ReferralLabels.Option("G43.709", "Chronic migraine without aura, not intractable, without status migrainosus"),
                new ReferralLabels.Option("G43.E19", "Chronic migraine with aura, intractable, without status migrainosus"));
    }

    @Test
    void aCoveredCodeThatIsNotBillableStopsTheServiceNamingTheKey() {
        assertThatIllegalStateException().isThrownBy(() -> new ReferralFormProperties(List.of(
                        new ReferralFormProperties.PayerPolicy("label", "FDA label", List.of("G43.709")),
                        new ReferralFormProperties.PayerPolicy("nice", "NICE", List.of("G43.701", "G43.7")))))
                .withMessage("intake.referral-form.payer-policies[1].covered-codes[1] G43.7 is a category, not a "
                        + "billable code: choose one of G43.701, G43.709, G43.711, G43.719");
    }
}
