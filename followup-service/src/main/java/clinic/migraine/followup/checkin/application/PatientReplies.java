package clinic.migraine.followup.checkin.application;

import java.util.UUID;

/** Tells scheduling what a patient's text reply asks for, in the caller's transaction. */
public interface PatientReplies {

    /** C: the patient will come to their next visit. */
    void confirmed(UUID referralId);

    /** R: the patient asks to be called about another time. */
    void callMe(UUID referralId);
}
