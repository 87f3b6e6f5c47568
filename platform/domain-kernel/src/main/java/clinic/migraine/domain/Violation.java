package clinic.migraine.domain;

/** One field of a command that breaks a rule, named by its path in the request ("start", "validUntil"). */
public record Violation(String field, String message) {
}
