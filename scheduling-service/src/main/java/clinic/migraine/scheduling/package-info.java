/**
 * scheduling-service: the application and its configuration (the clinic's calendar and booking rules, bound from
 * {@code clinic.scheduling.*}); the features live in {@code booking} and {@code calendar}.
 */
package clinic.migraine.scheduling;
