/** Launcher for a real single-node Kafka broker (KRaft combined mode) that formats its storage on first start. */
package clinic.migraine.platform.kafka;
