/**
 * A Kafka serde for generated Avro records in Confluent's wire format, talking the Confluent Schema Registry
 * REST API. Confluent's own client is not on Maven Central; this works with Confluent Schema Registry and
 * with Apicurio Registry's ccompat API alike.
 */
package clinic.migraine.serde;
