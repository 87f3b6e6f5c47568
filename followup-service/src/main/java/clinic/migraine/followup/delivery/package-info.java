/** How messages leave: SMTP mail and SMS gateways, the adapter behind the plan's outlets. */
package clinic.migraine.followup.delivery;
