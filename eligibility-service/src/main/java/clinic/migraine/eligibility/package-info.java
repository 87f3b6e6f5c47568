/**
 * eligibility-service: the application and its configuration (the clinic's time zone and extra policy folders,
 * bound from {@code clinic.eligibility.*}); the features live in {@code policy} and {@code decision}.
 */
package clinic.migraine.eligibility;
