/**
 * The clinic's calendar as plain Java: providers' weekly hours in the clinic's zone cut into slots, and closures
 * (a provider's or the whole clinic's days off) with the port that stores them.
 */
package clinic.migraine.scheduling.calendar.domain;
