/** HTTP adapter of referral intake: JSON API with RFC 9457 problem details. */
package clinic.migraine.intake.referral.web;
