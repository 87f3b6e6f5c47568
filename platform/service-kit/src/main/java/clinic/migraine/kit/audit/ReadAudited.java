package clinic.migraine.kit.audit;

import java.util.Map;

/**
 * A service's records whose every read is audited ({@link ReadAudit}): the mapping's path pattern, as written in
 * the controller, to the kind of subject it shows.
 */
public record ReadAudited(Map<String, String> subjectTypeByPattern) {
}
