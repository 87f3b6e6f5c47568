package clinic.migraine.fhir;

/**
 * The identifier systems of this clinic's own ids, the same in every service, so that a patient id intake names
 * on a ServiceRequest finds the patient's Appointments in scheduling.
 */
public final class Identifiers {

    private static final String BASE = "https://migraine-clinic.test/fhir/";

    /** Intake's patient id, across referrals. */
    public static final String PATIENT = BASE + "patient";
    /** A referral's id (the ServiceRequest's). */
    public static final String REFERRAL = BASE + "referral";
    /** An appointment's id. */
    public static final String APPOINTMENT = BASE + "appointment";
    /** A provider's id in the clinic calendar. */
    public static final String PROVIDER = BASE + "provider";

    private Identifiers() {
    }
}
