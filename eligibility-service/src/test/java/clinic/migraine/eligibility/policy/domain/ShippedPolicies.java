package clinic.migraine.eligibility.policy.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import clinic.migraine.eligibility.policy.persistence.PolicyFile;

/** The shipped policy files, read the way the service reads them. */
final class ShippedPolicies {

    private ShippedPolicies() {
    }

    static Policy load(String id) {
        try (InputStream in = ShippedPolicies.class.getResourceAsStream("/policies/" + id + ".yml")) {
            return PolicyFile.parse("policies/" + id + ".yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
