/** HTTP defaults every service shares: RFC 9457 problem details with field errors, a request size limit. */
package clinic.migraine.kit.web;
