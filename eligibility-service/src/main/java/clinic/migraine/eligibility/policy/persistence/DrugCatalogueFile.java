package clinic.migraine.eligibility.policy.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import clinic.migraine.eligibility.policy.domain.DrugCatalogue;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the drug catalogue: a mapping of substance to the names it is sold under. A name listed under two
 * substances, or anything but lists of names, stops the service naming the file and the entry.
 */
public final class DrugCatalogueFile {

    private DrugCatalogueFile() {
    }

    public static DrugCatalogue parse(String file, String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new PolicyFile.InvalidPolicyException(file, "(file)", "is not valid YAML");
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new PolicyFile.InvalidPolicyException(file, "(file)", "must map each substance to its names");
        }
        Map<String, String> substanceByName = new LinkedHashMap<>();
        map.forEach((substance, names) -> {
            if (!(names instanceof List<?> list) || list.isEmpty()) {
                throw new PolicyFile.InvalidPolicyException(file, String.valueOf(substance),
                        "must be a non-empty list of the names it is sold under");
            }
            for (Object name : list) {
                if (name == null || name.toString().isBlank()) {
                    throw new PolicyFile.InvalidPolicyException(file, String.valueOf(substance), "has an empty name");
                }
                String key = name.toString().trim().toLowerCase(Locale.ROOT);
                String earlier = substanceByName.putIfAbsent(key, substance.toString());
                if (earlier != null && !earlier.equals(substance.toString())) {
                    throw new PolicyFile.InvalidPolicyException(file, String.valueOf(substance),
                            "lists '" + name + "', already listed under " + earlier);
                }
            }
        });
        return new DrugCatalogue(substanceByName);
    }
}
