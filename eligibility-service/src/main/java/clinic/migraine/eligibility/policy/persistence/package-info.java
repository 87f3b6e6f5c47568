/** Where policies come from: the YAML files shipped in the jar and in configured folders, checked field by field. */
package clinic.migraine.eligibility.policy.persistence;
