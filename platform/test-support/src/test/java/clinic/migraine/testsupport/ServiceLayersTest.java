package clinic.migraine.testsupport;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLayersTest {

    private static final String GOOD = "clinic.migraine.layerfixture.good";
    private static final String BAD = "clinic.migraine.layerfixture.bad";

    @Test
    void aServiceLayeredAsAgreedKeepsEveryRule() {
        JavaClasses classes = new ClassFileImporter().importPackages(GOOD);
        ServiceLayers.rules(GOOD).forEach((name, rule) ->
                assertThat(rule.evaluate(classes).hasViolation()).as(name).isFalse());
    }

    @Test
    void eachRuleFailsOnTheServiceThatBreaksIt() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD);
        Map<String, ArchRule> rules = ServiceLayers.rules(BAD);
        assertThat(rules).hasSize(7);
        rules.forEach((name, rule) -> assertThat(rule.evaluate(classes).hasViolation()).as(name).isTrue());
    }

    @Test
    void aDomainMayNotReachJdbcItsOwnApplicationOrAnotherServicesDomain() {
        EvaluationResult result = ServiceLayers.domainIsPlainJava(BAD)
                .evaluate(new ClassFileImporter().importPackages(BAD));
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("java.sql.Timestamp")
                .contains(BAD + ".shop.application.CancelOrder")
                .contains(GOOD + ".shop.domain.Order");
    }

    @Test
    void theRulesCheckOnlyTheNamedService() {
        JavaClasses both = new ClassFileImporter().importPackages(GOOD, BAD);
        ServiceLayers.rules(GOOD).forEach((name, rule) ->
                assertThat(rule.evaluate(both).hasViolation()).as(name).isFalse());
    }
}
