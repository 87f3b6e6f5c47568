/**
 * HTTP adapters of referral intake: the JSON API with RFC 9457 problem details, and the intake staff's pages (list
 * and search, the referral form, the referral page with its live progress and audit trail).
 */
package clinic.migraine.intake.referral.web;
