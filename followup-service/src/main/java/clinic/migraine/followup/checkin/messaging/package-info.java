/** The check-in's outbound Kafka adapter: recorded answers as FollowUpRecorded, into the outbox. */
package clinic.migraine.followup.checkin.messaging;
