/** The {@code follow_up_answer} table behind the answers port, and the diary's latest measure for the plan. */
package clinic.migraine.followup.checkin.persistence;
