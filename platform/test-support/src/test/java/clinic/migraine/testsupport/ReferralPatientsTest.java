package clinic.migraine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The referrals tests and the benchmark send: one e-mail is one person, and different e-mails are people intake's
 * matching keeps apart (same last name and birth date AND the same member id or phone makes one patient). A
 * benchmark run sends some 10,000; two taken for one person would hold the second's booking for 84 days.
 */
class ReferralPatientsTest {

    private static final Pattern FIELD = Pattern.compile(
            "\"(lastName|dateOfBirth|phone|memberId)\": \"([^\"]+)\"");

    @Test
    void theSameEmailIsTheSamePersonAndThirtyThousandOthersAreNeverTakenForOne() {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        assertThat(RunningSystem.eligibleReferral(email)).isEqualTo(RunningSystem.eligibleReferral(email));

        Random random = new Random(42);
        Map<String, List<Map<String, String>>> byNameAndBirth = new HashMap<>();
        List<String> takenForOne = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            String other = "bench-" + new UUID(random.nextLong(), random.nextLong()) + "@example.org";
            Map<String, String> patient = fields(RunningSystem.eligibleReferral(other));
            List<Map<String, String>> sameNameAndBirth = byNameAndBirth.computeIfAbsent(
                    patient.get("lastName") + " " + patient.get("dateOfBirth"), key -> new ArrayList<>());
            for (Map<String, String> known : sameNameAndBirth) {
                if (known.get("phone").equals(patient.get("phone"))
                        || known.get("memberId").equals(patient.get("memberId"))) {
                    takenForOne.add(known + " / " + patient);
                }
            }
            sameNameAndBirth.add(patient);
        }
        assertThat(byNameAndBirth.size()).as("people sharing a name and birth date exist (possible duplicates)")
                .isLessThan(30_000);
        assertThat(takenForOne).isEmpty();
    }

    private static Map<String, String> fields(String referral) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(referral);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        assertThat(fields).hasSize(4);
        return fields;
    }
}
