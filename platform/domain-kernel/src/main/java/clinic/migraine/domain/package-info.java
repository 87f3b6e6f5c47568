/**
 * The shared kernel of every service's domain: the three ways a domain refuses a command ({@link NotFound},
 * {@link Conflict}, {@link RuleBroken}), each optionally naming the fields at fault. Plain Java with no
 * dependencies; the service kit turns them into RFC 9457 problem details and form errors in one place.
 */
package clinic.migraine.domain;
