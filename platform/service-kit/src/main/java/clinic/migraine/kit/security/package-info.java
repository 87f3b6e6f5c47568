/**
 * Sign-in and roles for every service: staff accounts from configuration (bcrypt), form login for pages, HTTP
 * Basic for the API, role rules each service adds, problem details for 401 and 403, CSRF on forms.
 */
package clinic.migraine.kit.security;
