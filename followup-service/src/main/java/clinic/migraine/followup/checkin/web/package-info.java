/**
 * Patients' side over HTTP, reached by signed link without an account: the check-in and diary pages, the
 * unsubscribe page, their JSON API, and the SMS gateway's webhook for STOP and START.
 */
package clinic.migraine.followup.checkin.web;
