package clinic.migraine.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.RunningSystem;

/**
 * A seeded fuzz loop over every write endpoint (and the query parameters of the reads): malformed JSON, wrong
 * types, huge bodies, boundary values, injection strings, wrong content types, unknown fields and random bytes,
 * each derived from a valid request. Every answer must be a 4xx with problem details, or a 2xx where the
 * mutation happened to leave a valid request (an injection string as a name is just a name); never a 5xx, never
 * a dropped connection.
 */
final class HostileInput {

    private static final Pattern JSON_VALUE = Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null)");
    private static final List<String> WRONG_TYPES = List.of("[]", "{}", "\"text\"", "123", "true", "null", "1e400",
            "-1", "99999999999999999999", "[1, \"a\"]", "\"\"");
    private static final List<String> BOUNDARIES = List.of("-1", "0", "2147483648", "-2147483649", "1e308", "0.5",
            "\"0000-01-01\"", "\"9999-12-31\"", "\"2024-02-30\"", "\"-999999999-01-01T00:00:00Z\"", "\"\"",
            "\"" + "9".repeat(400) + "\"");
    private static final List<String> INJECTIONS = List.of("'; drop table referral; --", "<script>alert(1)</script>",
            "${jndi:ldap://example.org/a}", "\\u0000", "../../etc/passwd", "%00%0a", "\\r\\nX-Injected: 1",
            "𝄞".repeat(300), "{{7*7}}", "' OR '1'='1");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/json; charset=klingon");

    private record Target(Api api, String method, String path, String contentType, String body) {
    }

    private final Random random;
    private final int requests;
    private int sent;
    private int accepted;

    HostileInput(Random random, int requests) {
        this.random = random;
        this.requests = requests;
    }

    /** Sends the requests; returns a line per answer that broke the rules. */
    List<String> run(List<Api> services) {
        Api intake = services.get(0);
        Api eligibility = services.get(1);
        Api scheduling = services.get(2);
        Api followup = services.get(3);
        // not eligible (episodic code): a mutation that stays valid is stored, but never books anything
        String referral = RunningSystem.referral("hostile@example.org", "label", "G43.909", "");
        List<Target> targets = List.of(
                new Target(intake, "POST", "/api/referrals", "application/json", referral),
                new Target(intake, "POST", "/api/referrals/{id}/withdraw", "application/json", "{\"reason\": \"moved away\"}"),
                new Target(intake, "GET", "/api/referrals?status={text}&page={number}&size={number}&q={text}", null, null),
                new Target(intake, "GET", "/api/referrals/{id}", null, null),
                new Target(eligibility, "POST", "/api/eligibility/evaluations", "application/json", referral),
                new Target(eligibility, "POST", "/api/reviews/{id}/decision", "application/json",
                        "{\"outcome\": \"ELIGIBLE\", \"clinician\": \"Dr. Ruiz\", \"note\": \"ok\"}"),
                new Target(eligibility, "POST", "/api/reviews/{id}/authorization", "application/json",
                        "{\"number\": \"PA-1\", \"validFrom\": \"2020-01-01\", \"validUntil\": \"2020-02-01\"}"),
                new Target(scheduling, "POST", "/api/appointments", "application/json",
                        "{\"referralId\": \"" + UUID.randomUUID() + "\", \"cycle\": 1, \"start\": \"2020-01-06T16:00:00Z\", "
                                + "\"providerId\": \"dr-patel\"}"),
                new Target(scheduling, "POST", "/api/appointments/{id}/reschedule", "application/json",
                        "{\"start\": \"2020-01-06T16:00:00Z\"}"),
                new Target(scheduling, "POST", "/api/appointments/{id}/cancel", "application/json",
                        "{\"reason\": \"sick\", \"by\": \"PATIENT\"}"),
                new Target(scheduling, "POST", "/api/appointments/{id}/complete", "application/json",
                        Doses.preempt("C3391")),
                new Target(scheduling, "POST", "/api/closures", "application/json",
                        "{\"startsOn\": \"2020-01-02\", \"endsOn\": \"2020-01-01\", \"reason\": \"holiday\"}"),
                new Target(scheduling, "GET", "/api/slots?from={text}&to={text}&providerId={text}", null, null),
                new Target(followup, "POST", "/api/checkins/{text}", "application/json",
                        "{\"neckPainOrStiffness\": true, \"injectionSitePain\": false, \"droopingEyelid\": false, "
                                + "\"troubleSwallowingSpeakingBreathing\": false, \"headacheDaysLast30\": 9}"),
                new Target(followup, "GET", "/api/messages?patient={text}", null, null));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            String path = fill(target.path());
            String contentType = target.contentType();
            byte[] body = null;
            String mutation = "query";
            if (target.body() != null) {
                int kind = random.nextInt(8);
                mutation = switch (kind) {
                    case 0 -> "malformed JSON";
                    case 1 -> "wrong type";
                    case 2 -> "huge body";
                    case 3 -> "boundary value";
                    case 4 -> "injection string";
                    case 5 -> "wrong content type";
                    case 6 -> "unknown field";
                    default -> "random bytes";
                };
                String json = target.body();
                body = switch (kind) {
                    case 0 -> malformed(json).getBytes(StandardCharsets.UTF_8);
                    case 1 -> replaceValue(json, pick(WRONG_TYPES)).getBytes(StandardCharsets.UTF_8);
                    case 2 -> replaceValue(json, "\"" + "x".repeat(200_000) + "\"").getBytes(StandardCharsets.UTF_8);
                    case 3 -> replaceValue(json, pick(BOUNDARIES)).getBytes(StandardCharsets.UTF_8);
                    case 4 -> replaceString(json, pick(INJECTIONS)).getBytes(StandardCharsets.UTF_8);
                    case 6 -> json.replaceFirst("\\{", "{\"isAdmin\": true, ").getBytes(StandardCharsets.UTF_8);
                    case 7 -> randomBytes();
                    default -> json.getBytes(StandardCharsets.UTF_8);
                };
                if (kind == 5) {
                    contentType = pick(CONTENT_TYPES);
                }
            }
            Api.Answer answer = target.api().send(target.method(), path, contentType, body);
            sent++;
            boolean problem = answer.contentType().startsWith("application/problem+json");
            if (answer.status() >= 400 && answer.status() < 500 && problem) {
                continue;
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                if (target.path().equals("/api/referrals") && target.method().equals("POST")) {
                    accepted++;
                }
                continue;
            }
            failures.add(target.method() + " " + path + " (" + mutation + ") -> " + answer.status() + " "
                    + answer.contentType() + " " + abbreviate(answer.body()));
        }
        return failures;
    }

    int sent() {
        return sent;
    }

    /** Referrals the loop itself created with requests that stayed valid. */
    int accepted() {
        return accepted;
    }

    private String fill(String path) {
        String filled = path;
        while (filled.contains("{id}")) {
            filled = filled.replaceFirst("\\{id}", random.nextInt(4) == 0 ? encode(pick(INJECTIONS)) : UUID.randomUUID().toString());
        }
        while (filled.contains("{text}")) {
            filled = filled.replaceFirst("\\{text}", encode(pick(List.of("ELIGIBLE", "nonsense", "2024-13-45", "", "-1",
                    pick(INJECTIONS)))));
        }
        while (filled.contains("{number}")) {
            filled = filled.replaceFirst("\\{number}", pick(List.of("-1", "0", "5", "2147483648", "1e9", "abc", "100000")));
        }
        return filled;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String malformed(String json) {
        return switch (random.nextInt(5)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json.replaceFirst(":", "");
            case 2 -> json + "}";
            case 3 -> "";
            default -> pick(List.of("null", "[]", "\"just a string\"", "42", "{\"a\":"));
        };
    }

    private String replaceValue(String json, String replacement) {
        List<int[]> values = new ArrayList<>();
        Matcher matcher = JSON_VALUE.matcher(json);
        while (matcher.find()) {
            values.add(new int[] {matcher.start(1), matcher.end(1)});
        }
        int[] value = values.get(random.nextInt(values.size()));
        return json.substring(0, value[0]) + replacement + json.substring(value[1]);
    }

    private String replaceString(String json, String text) {
        List<int[]> strings = new ArrayList<>();
        Matcher matcher = JSON_VALUE.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("\"")) {
                strings.add(new int[] {matcher.start(1), matcher.end(1)});
            }
        }
        if (strings.isEmpty()) {
            return replaceValue(json, "\"" + text.replace("\"", "\\\"") + "\"");
        }
        int[] value = strings.get(random.nextInt(strings.size()));
        return json.substring(0, value[0]) + "\"" + text.replace("\"", "\\\"") + "\"" + json.substring(value[1]);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
