package clinic.migraine.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Submits three sample referrals (eligible, not eligible, needing review) and prints how their status moves. */
final class DemoReferrals {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoReferrals() {
    }

    static void submitAndFollow(String intakeUrl) {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("eligible (label policy)", referral("Ana", "Lopez", "1984-03-09", "label", "G43.709", 18, 10, 9, ""));
        samples.put("not eligible (episodic migraine)", referral("Ben", "Ortiz", "1990-07-21", "label", "G43.909", 6, 4, 12, ""));
        samples.put("needs review (prior authorization)", referral("Cara", "Nguyen", "1975-11-02", "commercial-precert",
                "G43.719", 20, 12, 24,
                "{\"drug\":\"topiramate\",\"drugClass\":\"ANTICONVULSANT\",\"days\":90,\"result\":\"INEFFECTIVE\"},"
                        + "{\"drug\":\"propranolol\",\"drugClass\":\"BETA_BLOCKER\",\"days\":75,\"result\":\"INEFFECTIVE\"}"));
        Map<String, String> ids = new LinkedHashMap<>();
        samples.forEach((label, body) -> {
            String answer = post(intakeUrl + "/api/referrals", body);
            Matcher id = ID.matcher(answer);
            if (id.find()) {
                ids.put(label, id.group(1));
                System.out.println("Submitted " + label + ": referral " + id.group(1));
            } else {
                System.out.println("Submitting " + label + " failed: " + answer);
            }
        });
        Map<String, String> last = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && !ids.isEmpty()) {
            ids.forEach((label, id) -> {
                Matcher status = STATUS.matcher(get(intakeUrl + "/api/referrals/" + id));
                String now = status.find() ? status.group(1) : "?";
                if (!now.equals(last.get(label))) {
                    System.out.printf("  %-36s %s%n", label, now);
                    last.put(label, now);
                }
            });
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println("Follow them at " + intakeUrl + "/api/referrals/<id>; mail at IMAP localhost:1143.");
    }

    private static String referral(String first, String last, String born, String policy, String code, int headacheDays,
            int migraineDays, int months, String trials) {
        String email = first.toLowerCase() + "@example.org";
        return """
                {"patient":{"firstName":"%s","lastName":"%s","dateOfBirth":"%s","email":"%s","phone":"+13105550100",
                  "timeZone":"America/Los_Angeles","preferredChannel":"EMAIL"},
                 "referrer":{"name":"Dr. Kim","npi":"1234567893"},
                 "payer":{"policy":"%s","memberId":"DEMO-%s"},
                 "diagnosisCode":"%s",
                 "clinical":{"headacheDaysPerMonth":%d,"migraineDaysPerMonth":%d,"chronicMigraineMonths":%d,
                   "preventiveTrials":[%s],"medicationOveruse":"NONE","onCgrpAntibody":false,"contraindications":[]}}
                """.formatted(first, last, born, email, policy, last.toUpperCase(), code, headacheDays, migraineDays,
                months, trials);
    }

    /** The local profile's demo account {@code intake} (password {@code demo}), HTTP Basic. */
    private static final String SIGNED_IN_AS_INTAKE = "Basic "
            + Base64.getEncoder().encodeToString("intake:demo".getBytes(StandardCharsets.UTF_8));

    private static String post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", SIGNED_IN_AS_INTAKE)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", SIGNED_IN_AS_INTAKE).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
