/** followup-service: the application, its wiring and its {@code clinic.followup.*} settings. */
package clinic.migraine.followup;
