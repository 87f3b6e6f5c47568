package clinic.migraine.eligibility.policy.domain;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brand names and the substances they contain, so that Topamax and topiramate count as one drug. A name the
 * catalogue does not know counts as itself.
 */
public final class DrugCatalogue {

    public static final DrugCatalogue EMPTY = new DrugCatalogue(Map.of());

    private final Map<String, String> substanceByName;

    /** @param substanceByName brand (or other) name → substance, any case */
    public DrugCatalogue(Map<String, String> substanceByName) {
        Map<String, String> normalised = new TreeMap<>();
        substanceByName.forEach((name, substance) -> normalised.put(normalise(name), normalise(substance)));
        this.substanceByName = Map.copyOf(normalised);
    }

    /** The substance a reported drug name stands for, lower case; unknown names as themselves. */
    public String substanceOf(String drug) {
        String name = normalise(drug);
        return substanceByName.getOrDefault(name, name);
    }

    public Map<String, String> entries() {
        return new TreeMap<>(substanceByName);
    }

    private static String normalise(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
