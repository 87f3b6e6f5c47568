/** How messages leave: SMTP mail and SMS gateways. */
package clinic.migraine.followup.delivery;
