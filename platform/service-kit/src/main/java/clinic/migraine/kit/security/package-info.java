/**
 * Sign-in and roles for every service: staff accounts from configuration (bcrypt), form login for pages, HTTP
 * Basic for the API, role rules each service adds, problem details for 401, 403 and 429, CSRF on forms; failed
 * sign-ins slowed down and locked per account and address before any password check; a metrics-only role for the
 * Prometheus scraper; the session cookie and HSTS for running behind a TLS proxy.
 */
package clinic.migraine.kit.security;
