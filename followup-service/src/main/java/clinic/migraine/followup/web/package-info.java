/** Staff-facing HTTP API of follow-up. */
package clinic.migraine.followup.web;
