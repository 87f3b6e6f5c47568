/** Who each referral's patient is, for staff pages: names, never in logs. */
package clinic.migraine.kit.patients;
