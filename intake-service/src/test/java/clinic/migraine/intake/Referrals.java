package clinic.migraine.intake;

/** Object Mother for referral request bodies. */
public final class Referrals {

    private Referrals() {
    }

    public static String ana() {
        return """
                {
                  "patient": {"firstName": "Ana", "lastName": "Lopez", "dateOfBirth": "1984-03-09",
                              "email": "ana@example.org", "phone": "+13105550100",
                              "timeZone": "America/Los_Angeles", "preferredChannel": "EMAIL"},
                  "referrer": {"name": "Dr. Kim", "npi": "1234567893"},
                  "payer": {"policy": "commercial-precert", "memberId": "XJ-99812"},
                  "diagnosisCode": "G43.709",
                  "clinical": {"headacheDaysPerMonth": 18, "migraineDaysPerMonth": 10, "chronicMigraineMonths": 9,
                               "preventiveTrials": [{"drug": "topiramate", "drugClass": "ANTICONVULSANT", "days": 90, "result": "INEFFECTIVE"}],
                               "medicationOveruse": "NONE", "onCgrpAntibody": false, "contraindications": []}
                }
                """;
    }

    public static String anaWith(String field, String value) {
        return ana().replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
    }
}
