package clinic.migraine.eligibility.policy.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import clinic.migraine.eligibility.policy.domain.DrugCatalogue;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;

/** Every known policy by id: the files shipped with the service plus those in configured folders. */
public final class PolicyCatalog implements Policies {

    public static final String LABEL = "label";

    private final Map<String, Policy> policies;
    private final DrugCatalogue drugs;

    public PolicyCatalog(Map<String, String> shippedFiles, Collection<Path> extraDirectories) {
        this(shippedFiles, extraDirectories, DrugCatalogue.EMPTY);
    }

    public PolicyCatalog(Map<String, String> shippedFiles, Collection<Path> extraDirectories, DrugCatalogue drugs) {
        this.drugs = drugs;
        Map<String, Policy> byId = new TreeMap<>();
        shippedFiles.forEach((name, yaml) -> add(byId, PolicyFile.parse(name, yaml), name));
        for (Path directory : extraDirectories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                        .sorted().toList()) {
                    add(byId, PolicyFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)),
                            file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read policy folder " + directory, e);
            }
        }
        if (!byId.containsKey(LABEL)) {
            throw new PolicyFile.InvalidPolicyException(LABEL + ".yml", "(file)",
                    "is missing: the label policy judges referrals whose payer is unknown");
        }
        this.policies = Map.copyOf(byId);
    }

    private static void add(Map<String, Policy> byId, Policy policy, String file) {
        if (byId.putIfAbsent(policy.id(), policy) != null) {
            throw new PolicyFile.InvalidPolicyException(file, "id", "repeats '" + policy.id() + "' from another file");
        }
    }

    @Override
    public Optional<Policy> find(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    @Override
    public Policy label() {
        return policies.get(LABEL);
    }

    @Override
    public DrugCatalogue drugs() {
        return drugs;
    }

    @Override
    public Collection<Policy> all() {
        return new TreeMap<>(policies).values();
    }
}
