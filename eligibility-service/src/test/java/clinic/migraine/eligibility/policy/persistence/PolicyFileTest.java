package clinic.migraine.eligibility.policy.persistence;

import clinic.migraine.eligibility.policy.domain.Policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyFileTest {

    private static final String VALID = """
            id: acme
            version: "1"
            name: Acme
            minimumAge: 18
            minimumHeadacheDaysPerMonth: 15
            minimumMigraineDaysPerMonth: 8
            minimumChronicMigraineMonths: 3
            coveredDiagnosisCodes: [G43.709]
            preventiveTrials:
              minimumDistinctClasses: 2
              minimumDistinctDrugs: 0
              trialCounts:
                minimumDays: 60
                orResults: [NOT_TOLERATED]
            unmanagedMedicationOveruseAllowed: true
            concurrentCgrpAntibodyAllowed: false
            priorAuthorizationRequired: true
            continuation:
              minimumHeadacheDayReductionPercent: 30
            maximumCourses: 4
            """;

    @Test
    void readsAValidFile() {
        Policy policy = PolicyFile.parse("policies/acme.yml", VALID);

        assertThat(policy.id()).isEqualTo("acme");
        assertThat(policy.preventiveTrials().trialCounts().minimumDays()).isEqualTo(60);
        assertThat(policy.continuation().minimumHeadacheDayReductionPercent()).isEqualTo(30);
        assertThat(policy.maximumCourses()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "minimumAge: 18|minimumAge: eighteen|'minimumAge' must be a whole number",
            "minimumHeadacheDaysPerMonth: 15|minimumHeadacheDaysPerMonth: 45|'minimumHeadacheDaysPerMonth' must be between 0 and 31",
            "version: \"1\"|version: \"\"|'version' is required",
            "coveredDiagnosisCodes: [G43.709]|coveredDiagnosisCodes: [chronic]|'coveredDiagnosisCodes' has 'chronic'",
            "orResults: [NOT_TOLERATED]|orResults: [BORED]|'preventiveTrials.trialCounts.orResults' has 'BORED'",
            "priorAuthorizationRequired: true|priorAuthorizationRequired: maybe|'priorAuthorizationRequired' must be true or false",
            "id: acme|id: other|'id' must match the file name"})
    void namesTheFileAndTheFieldOfABadValue(String line, String replacement, String expected) {
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", VALID.replace(line, replacement)))
                .hasMessageStartingWith("Policy file policies/acme.yml: field ")
                .hasMessageContaining(expected);
    }

    @Test
    void refusesYamlThatIsNotAMapping() {
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", "- just\n- a list"))
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", "id: [unclosed"))
                .hasMessageContaining("is not valid YAML");
    }
}
