/** Staff-facing pages and HTTP API of follow-up: messages per referral, answers, urgent alerts. */
package clinic.migraine.followup.web;
