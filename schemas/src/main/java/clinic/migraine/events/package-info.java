/**
 * Event contracts: classes generated from the Avro schemas in {@code src/main/avro} plus the typed topic
 * registry. Avro only deserializes classes from trusted packages; services trust this one through
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES=clinic.migraine.events}.
 */
package clinic.migraine.events;
