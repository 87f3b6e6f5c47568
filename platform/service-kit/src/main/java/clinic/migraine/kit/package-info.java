/** Shared service infrastructure, auto-configured in every service that depends on this module. */
package clinic.migraine.kit;
