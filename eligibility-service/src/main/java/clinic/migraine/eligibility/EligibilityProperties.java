package clinic.migraine.eligibility;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.eligibility.*}.
 *
 * @param clinicTimeZone the evaluation date (for ages) is today in this zone
 * @param policyDirs extra folders of policy YAML files, besides those shipped in the jar
 */
@ConfigurationProperties("clinic.eligibility")
public record EligibilityProperties(@DefaultValue("America/Los_Angeles") ZoneId clinicTimeZone,
        @DefaultValue List<Path> policyDirs) {
}
