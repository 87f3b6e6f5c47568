package clinic.migraine.eligibility.policy.persistence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.kit.icd10.Icd10Cm;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

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
            priorAuthorization: every-course
            continuation:
              minimumHeadacheDayReductionPercent: 30
              inclusive: false
              stopWhenEpisodicForMonths: 3
            maximumCourses: 4
            """;

    @Test
    void readsAValidFile() {
        Policy policy = PolicyFile.parse("policies/acme.yml", VALID);

        assertThat(policy.id()).isEqualTo("acme");
        assertThat(policy.preventiveTrials().trialCounts().minimumDays()).isEqualTo(60);
        assertThat(policy.continuation().minimumHeadacheDayReductionPercent()).isEqualTo(30);
        assertThat(policy.continuation().inclusive()).isFalse();
        assertThat(policy.continuation().stopWhenEpisodicForMonths()).isEqualTo(3);
        assertThat(policy.priorAuthorization()).isEqualTo(Policy.PriorAuthorization.EVERY_COURSE);
        assertThat(policy.maximumCourses()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"none, NONE", "initial, INITIAL", "every-course, EVERY_COURSE"})
    void readsEachPriorAuthorizationRule(String spelled, Policy.PriorAuthorization rule) {
        assertThat(PolicyFile.parse("policies/acme.yml", VALID.replace("priorAuthorization: every-course",
                "priorAuthorization: " + spelled)).priorAuthorization()).isEqualTo(rule);
    }

    @Test
    void theEpisodicRuleIsOptional() {
        assertThat(PolicyFile.parse("policies/acme.yml", VALID.replace("  stopWhenEpisodicForMonths: 3\n", ""))
                .continuation().stopWhenEpisodicForMonths()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "maximumCourses: 4|maximumCourse: 4|'maximumCourse' is not a policy field here",
            "continuation:|continuaton:|'continuaton' is not a policy field here",
            "  inclusive: false|  inclusiv: false|'continuation.inclusiv' is not a policy field here",
            "    minimumDays: 60|    minimumDays: 60\\n    maximumDays: 90|'preventiveTrials.trialCounts.maximumDays' is not a policy field here",
            "priorAuthorization: every-course|priorAuthorizationRequired: true|'priorAuthorizationRequired' is not a policy field here"})
    void anUnknownKeyStopsTheServiceNamingTheFileAndTheKey(String line, String replacement, String expected) {
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml",
                VALID.replace(line, replacement.replace("\\n", "\n"))))
                .hasMessageStartingWith("Policy file policies/acme.yml: field ")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "minimumAge: 18|minimumAge: eighteen|'minimumAge' must be a whole number",
            "minimumHeadacheDaysPerMonth: 15|minimumHeadacheDaysPerMonth: 45|'minimumHeadacheDaysPerMonth' must be between 0 and 31",
            "version: \"1\"|version: \"\"|'version' is required",
            "coveredDiagnosisCodes: [G43.709]|coveredDiagnosisCodes: [chronic]|'coveredDiagnosisCodes' has 'chronic'",
            "coveredDiagnosisCodes: [G43.709]|coveredDiagnosisCodes: [G43.709, G43.7]|'coveredDiagnosisCodes' has 'G43.7', which is a category, not a billable code: choose one of G43.701, G43.709, G43.711, G43.719",
            "coveredDiagnosisCodes: [G43.709]|coveredDiagnosisCodes: [G43.702]|'coveredDiagnosisCodes' has 'G43.702', which is not in the ICD-10-CM code set",
            "orResults: [NOT_TOLERATED]|orResults: [BORED]|'preventiveTrials.trialCounts.orResults' has 'BORED'",
            "priorAuthorization: every-course|priorAuthorization: sometimes|'priorAuthorization' must be none, initial or every-course, not 'sometimes'",
            "  inclusive: false|  inclusive: maybe|'inclusive' must be true or false",
            "stopWhenEpisodicForMonths: 3|stopWhenEpisodicForMonths: 0|'stopWhenEpisodicForMonths' must be between 1 and 24",
            "id: acme|id: other|'id' must match the file name"})
    void namesTheFileAndTheFieldOfABadValue(String line, String replacement, String expected) {
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", VALID.replace(line, replacement)))
                .hasMessageStartingWith("Policy file policies/acme.yml: field ")
                .hasMessageContaining(expected);
    }

    /** Read on their own, not through the parser, so that a parser that stopped checking still fails here. */
    @Test
    void everyShippedPolicyCoversOnlyBillableCodesOfTheCodeSet() throws Exception {
        Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.yml");

        assertThat(shipped).hasSizeGreaterThanOrEqualTo(4);
        for (Resource file : shipped) {
            Map<String, Object> policy = new Yaml().load(file.getContentAsString(StandardCharsets.UTF_8));
            assertThat((List<?>) policy.get("coveredDiagnosisCodes")).as(file.getFilename()).isNotEmpty()
                    .allSatisfy(code -> assertThat(Icd10Cm.shipped().isBillable(String.valueOf(code)))
                            .as("%s covers %s", file.getFilename(), code).isTrue());
        }
    }

    @Test
    void refusesYamlThatIsNotAMapping() {
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", "- just\n- a list"))
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> PolicyFile.parse("policies/acme.yml", "id: [unclosed"))
                .hasMessageContaining("is not valid YAML");
    }
}
