package clinic.migraine.eligibility.policy.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.eligibility.policy.domain.TrialResult;
import clinic.migraine.kit.icd10.Icd10Cm;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads one policy YAML file and checks every field, naming the file and the field when one is wrong. */
public final class PolicyFile {

    private static final List<String> TOP_LEVEL = List.of("id", "version", "name", "minimumAge",
            "minimumHeadacheDaysPerMonth", "minimumMigraineDaysPerMonth", "minimumChronicMigraineMonths",
            "coveredDiagnosisCodes", "preventiveTrials", "unmanagedMedicationOveruseAllowed",
            "concurrentCgrpAntibodyAllowed", "priorAuthorization", "continuation", "maximumCourses");
    private static final List<String> TRIALS = List.of("minimumDistinctClasses", "minimumDistinctDrugs",
            "trialCounts");
    private static final List<String> TRIAL_COUNTS = List.of("minimumDays", "orResults");
    private static final List<String> CONTINUATION = List.of("minimumHeadacheDayReductionPercent", "inclusive",
            "stopWhenEpisodicForMonths");

    private final String file;
    private final Map<String, Object> root;

    private PolicyFile(String file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static Policy parse(String file, String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidPolicyException(file, "(file)", "is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidPolicyException(file, "(file)", "must be a YAML mapping of policy fields");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) map;
        return new PolicyFile(file, root).policy();
    }

    private Policy policy() {
        String id = text(root, "id");
        if (!id.matches("[a-z0-9-]{1,40}")) {
            throw invalid("id", "must be 1 to 40 lower-case letters, digits or dashes");
        }
        String expectedFile = id + ".yml";
        if (!file.endsWith(expectedFile) && !file.endsWith(id + ".yaml")) {
            throw invalid("id", "must match the file name (" + id + " is not in " + file + ")");
        }
        known(root, "", TOP_LEVEL);
        Map<String, Object> trials = map(root, "preventiveTrials", true);
        known(trials, "preventiveTrials.", TRIALS);
        Map<String, Object> counts = map(trials, "trialCounts", false);
        if (counts != null) {
            known(counts, "preventiveTrials.trialCounts.", TRIAL_COUNTS);
        }
        Map<String, Object> continuation = map(root, "continuation", false);
        if (continuation != null) {
            known(continuation, "continuation.", CONTINUATION);
        }
        return new Policy(id, text(root, "version"), text(root, "name"),
                count(root, "minimumAge", 0, 130),
                count(root, "minimumHeadacheDaysPerMonth", 0, 31),
                count(root, "minimumMigraineDaysPerMonth", 0, 31),
                count(root, "minimumChronicMigraineMonths", 0, 1200),
                codes(),
                new Policy.PreventiveTrials(count(trials, "minimumDistinctClasses", 0, 20),
                        count(trials, "minimumDistinctDrugs", 0, 50),
                        counts == null ? null : new Policy.TrialCounts(count(counts, "minimumDays", 0, 3650),
                                results(counts))),
                flag(root, "unmanagedMedicationOveruseAllowed"),
                flag(root, "concurrentCgrpAntibodyAllowed"),
                priorAuthorization(),
                continuation == null ? null
                        : new Policy.Continuation(count(continuation, "minimumHeadacheDayReductionPercent", 0, 100),
                                flag(continuation, "inclusive"),
                                continuation.get("stopWhenEpisodicForMonths") == null ? null
                                        : count(continuation, "stopWhenEpisodicForMonths", 1, 24)),
                root.get("maximumCourses") == null ? null : count(root, "maximumCourses", 1, 100));
    }

    /** A key the service does not read is a typo that would silently change the rules: refused. */
    private void known(Map<String, Object> map, String prefix, List<String> keys) {
        for (Object key : map.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw invalid(prefix + key, "is not a policy field here; known: " + String.join(", ", keys));
            }
        }
    }

    private Policy.PriorAuthorization priorAuthorization() {
        String value = text(root, "priorAuthorization");
        for (Policy.PriorAuthorization rule : Policy.PriorAuthorization.values()) {
            if (spelled(rule).equals(value)) {
                return rule;
            }
        }
        throw invalid("priorAuthorization", "must be none, initial or every-course, not '" + value + "'");
    }

    /** As the files spell it: none, initial, every-course. */
    public static String spelled(Policy.PriorAuthorization rule) {
        return rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private Set<String> codes() {
        Object value = root.get("coveredDiagnosisCodes");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid("coveredDiagnosisCodes", "must be a non-empty list of billable ICD-10-CM codes");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object code : list) {
            // a category (G43.7) would never match a referral, which must carry a billable code
            String refusal = Icd10Cm.shipped().refusal(code == null ? null : code.toString()).orElse(null);
            if (refusal != null) {
                throw invalid("coveredDiagnosisCodes", "has '" + code + "', which " + refusal);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private Set<TrialResult> results(Map<String, Object> counts) {
        Object value = counts.getOrDefault("orResults", List.of());
        if (!(value instanceof List<?> list)) {
            throw invalid("preventiveTrials.trialCounts.orResults", "must be a list");
        }
        Set<TrialResult> results = new LinkedHashSet<>();
        List<String> known = new ArrayList<>();
        for (TrialResult result : TrialResult.values()) {
            known.add(result.name());
        }
        for (Object result : list) {
            if (result == null || !known.contains(result.toString())) {
                throw invalid("preventiveTrials.trialCounts.orResults", "has '" + result + "'; known: " + known);
            }
            results.add(TrialResult.valueOf(result.toString()));
        }
        return results;
    }

    private String text(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null || value.toString().isBlank()) {
            throw invalid(field, "is required");
        }
        return value.toString();
    }

    private int count(Map<String, Object> map, String field, int min, int max) {
        Object value = map.get(field);
        if (!(value instanceof Integer number)) {
            throw invalid(field, value == null ? "is required" : "must be a whole number, not '" + value + "'");
        }
        if (number < min || number > max) {
            throw invalid(field, "must be between " + min + " and " + max + ", not " + number);
        }
        return number;
    }

    private boolean flag(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (!(value instanceof Boolean bool)) {
            throw invalid(field, value == null ? "is required" : "must be true or false, not '" + value + "'");
        }
        return bool;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> parent, String field, boolean required) {
        Object value = parent.get(field);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw invalid(field, value == null ? "is required" : "must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private InvalidPolicyException invalid(String field, String problem) {
        return new InvalidPolicyException(file, field, problem);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A policy file that cannot be used; the service refuses to start with it. */
    public static final class InvalidPolicyException extends RuntimeException {
        public InvalidPolicyException(String file, String field, String problem) {
            super("Policy file " + file + ": field '" + field + "' " + problem);
        }
    }
}
