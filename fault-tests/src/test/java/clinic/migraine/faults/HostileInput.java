package clinic.migraine.faults;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

/**
 * A seeded stream of distinct hostile requests against every write endpoint (and the parameters of the reads),
 * each built from a request that would be accepted and broken on purpose, each with the one answer it must get:
 * 400 for malformed JSON, a wrong type, a broken or missing value, an unknown field, deep nesting, random bytes or
 * a path id that is no id; 413 for a body over the limit; 415 for a wrong content type; 405 for a wrong method;
 * 422 for a broken rule. Every answer must be that status with problem details. A mutation that could leave the
 * request valid (an injection string where any text is a fine value, a null where a field is optional) is never
 * made, and no request is sent twice. Nothing here reads a record by a random id: a 404 is never counted.
 */
final class HostileInput {

    /** Stands for the raw JSON a value is replaced with until the document is written out. */
    private static final String RAW = "RAW-VALUE-7f3c1e0a";
    private static final Configuration PATHS = Configuration.builder().options(Option.AS_PATH_LIST).build();

    /** Text a constrained field (an email, a code, an id, an enum, a date) must refuse. */
    private static final List<String> INJECTIONS = List.of("'; drop table referral; --", "<script>alert(1)</script>",
            "${jndi:ldap://example.org/a}", "\u0000", "../../etc/passwd", "%00%0a", "\r\nX-Injected: 1",
            "𝄞".repeat(300), "{{7*7}}", "' OR '1'='1", "\u202Egnp.exe", "$(rm -rf /)", "admin'--", "\\u0000");

    /** One way to break a valid body, and the status that break must get. */
    record Break(String path, String raw, int status) {

        static Break text(String path, String value, int status) {
            return new Break(path, quote(value), status);
        }
    }

    /** A valid request to one endpoint, its fields that must be refused for certain values, and which are required. */
    private record Endpoint(String name, Api api, String method, String path, String body, List<Break> breaks,
            List<String> required, List<String> constrainedText) {
    }

    /** A query the read endpoints must refuse, with its status. */
    private record Query(Api api, String path, int status) {
    }

    /** One request sent: what it was, what it had to get, what it got. */
    record Sent(String kind, String method, String path, int expected, Api.Answer answer) {

        boolean asExpected() {
            return answer.status() == expected && answer.contentType().startsWith("application/problem+json");
        }

        String describe() {
            return method + " " + abbreviate(path, 160) + " (" + kind + "): expected " + expected + " problem, got "
                    + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body(), 300);
        }
    }

    private final Random random;
    private final int requests;
    private final Set<String> seen = new HashSet<>();
    private final List<Sent> sent = new ArrayList<>();

    HostileInput(Random random, int requests) {
        this.random = random;
        this.requests = requests;
    }

    /**
     * Sends the requests; the ids are existing records (a referral, an appointment, a patient) so that a refusal
     * is the body's doing and not a lookup's. Returns a line per answer that was not the expected one.
     */
    List<String> run(RunningSystem system, UUID referralId, UUID appointmentId, UUID patientId) {
        List<Endpoint> endpoints = endpoints(system, referralId, appointmentId, patientId);
        List<Query> queries = queries(system, referralId);
        int attempts = 0;
        while (sent.size() < requests && attempts++ < requests * 20) {
            if (random.nextInt(8) == 0) {
                Query query = queries.get(random.nextInt(queries.size()));
                send("bad query", query.api(), "GET", query.path(), null, null, query.status());
                continue;
            }
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            mutate(endpoint);
        }
        List<String> failures = new ArrayList<>();
        for (Sent one : sent) {
            if (!one.asExpected()) {
                failures.add(one.describe());
            }
        }
        return failures;
    }

    /** Requests sent, all distinct. */
    int sent() {
        return sent.size();
    }

    /** How many requests of each kind were sent. */
    Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        sent.forEach(one -> kinds.merge(one.kind(), 1, Integer::sum));
        return kinds;
    }

    /** How many requests were answered with each status. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        sent.forEach(one -> statuses.merge(one.answer().status(), 1, Integer::sum));
        return statuses;
    }

    private void mutate(Endpoint endpoint) {
        String body = endpoint.body().strip();
        String json = "application/json";
        switch (random.nextInt(13)) {
            case 0 -> send("malformed JSON", endpoint, json, malformed(body), 400);
            case 1 -> send("not an object", endpoint, json, pick(List.of("", "null", "[]", "\"just a string\"", "42",
                    "true", "[" + body + "]", "{}{}", "{} {\"a\": 1}")), 400);
            case 2 -> {
                String path = pick(leaves(body));
                send("wrong type", endpoint, json, set(body, path, wrongType(read(body, path))), 400);
            }
            case 3, 4 -> {
                Break broken = pick(endpoint.breaks());
                send(broken.status() == 422 ? "broken rule" : "broken value", endpoint, json,
                        set(body, broken.path(), broken.raw()), broken.status());
            }
            case 5 -> {
                if (!endpoint.constrainedText().isEmpty()) {
                    send("injection string", endpoint, json,
                            set(body, pick(endpoint.constrainedText()), quote(pick(INJECTIONS))), 400);
                }
            }
            case 6 -> {
                if (!endpoint.required().isEmpty()) {
                    String path = pick(endpoint.required());
                    send("missing field", endpoint, json,
                            random.nextBoolean() ? delete(body, path) : set(body, path, "null"), 400);
                }
            }
            case 7 -> send("unknown field", endpoint, json, unknownField(body), 400);
            case 8 -> {
                List<String> text = textLeaves(body);
                String huge = quote("x".repeat(70_000 + random.nextInt(130_000)));
                send("huge body", endpoint, json, set(body, text.isEmpty() ? "$.padding" : pick(text), huge), 413);
            }
            case 9 -> {
                String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "text/html", "application/octet-stream", "image/png", "application/json-patch+json"));
                send("wrong content type", endpoint, type, body, 415);
            }
            case 10 -> send("random bytes", endpoint, json, randomBytes(), 400);
            case 11 -> send("deep nesting", endpoint, json, set(body, pick(leaves(body)), nested(1_100 + random.nextInt(4_000))),
                    400);
            default -> {
                if (random.nextBoolean()) {
                    String method = pick(List.of("PUT", "PATCH", "DELETE"));
                    // as the admin, whom every role rule lets through, so the method is the only thing wrong
                    Api admin = endpoint.api().authorization() == null ? endpoint.api()
                            : new Api(endpoint.api().baseUrl());
                    send("wrong method", admin, method, fill(endpoint.path(), null), json,
                            body.getBytes(StandardCharsets.UTF_8), 405);
                } else if (endpoint.api().authorization() != null && fill(endpoint.path(), "x").contains("/x")) {
                    String notAnId = pick(List.of("not-a-uuid", "1", "00000000-0000-0000-0000", "' OR '1'='1",
                            "<script>", "%00", UUID.randomUUID() + "x", "-1", "null", "😀", "%2e%2e"));
                    send("path id that is no id", endpoint.api(), endpoint.method(), fill(endpoint.path(), notAnId),
                            json, body.getBytes(StandardCharsets.UTF_8), 400);
                }
            }
        }
    }

    private void send(String kind, Endpoint endpoint, String contentType, String body, int expected) {
        if (body.equals(endpoint.body().strip()) && contentType.equals("application/json")) {
            return; // the mutation changed nothing: the request would be valid, not hostile
        }
        send(kind, endpoint.api(), endpoint.method(), fill(endpoint.path(), null), contentType,
                body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private void send(String kind, Endpoint endpoint, String contentType, byte[] body, int expected) {
        send(kind, endpoint.api(), endpoint.method(), fill(endpoint.path(), null), contentType, body, expected);
    }

    /** Sends the request unless one exactly like it was sent before. */
    private void send(String kind, Api api, String method, String path, String contentType, byte[] body, int expected) {
        if (!seen.add(fingerprint(api.baseUrl(), method, path, contentType, body))) {
            return;
        }
        sent.add(new Sent(kind, method, path, expected, api.send(method, path, contentType, body)));
    }

    /** The path with its placeholders: {@code {id}} the record's id, or the given text (URL-encoded) for all. */
    private static String fill(String path, String notAnId) {
        if (notAnId == null) {
            return path;
        }
        return path.replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/|$)",
                "/" + encode(notAnId).replace("$", "\\$") + "$1");
    }

    // ------------------------------------------------------------------------------------- the endpoints

    private static List<Endpoint> endpoints(RunningSystem system, UUID referralId, UUID appointmentId, UUID patientId) {
        // a referral payer policy covers, so nothing but the break is wrong with it
        String referral = RunningSystem.referral("hostile@example.org", "label", "G43.709", """
                {"drug": "topiramate", "drugClass": "ANTICONVULSANT", "days": 90, "result": "INEFFECTIVE"}""");
        List<Break> referralBreaks = List.of(
                Break.text("$.patient.email", "not-an-email", 400),
                Break.text("$.patient.email", "a@b@example.org", 400),
                Break.text("$.patient.phone", "call me", 400),
                Break.text("$.patient.phone", "+1 555 0100", 400),
                Break.text("$.patient.phone", "+1 310 555 0100 x5", 400),
                Break.text("$.patient.dateOfBirth", "2999-01-01", 400),
                Break.text("$.patient.dateOfBirth", "1899-12-31", 400),
                Break.text("$.patient.dateOfBirth", "2024-02-30", 400),
                Break.text("$.patient.dateOfBirth", "1984-3-9", 400),
                Break.text("$.patient.dateOfBirth", "09/03/1984", 400),
                new Break("$.patient.dateOfBirth", "0", 400),
                new Break("$.patient.dateOfBirth", "[1984, 3, 9]", 400),
                Break.text("$.patient.dateOfBirth", "", 400),
                Break.text("$.patient.timeZone", "Mars/Olympus_Mons", 400),
                Break.text("$.patient.preferredChannel", "PIGEON", 400),
                Break.text("$.patient.firstName", "", 400),
                Break.text("$.patient.firstName", "a".repeat(101), 400),
                Break.text("$.patient.lastName", "Lopez\u0007", 400),
                Break.text("$.referrer.npi", "1234567890", 400),
                Break.text("$.referrer.npi", "12345", 400),
                Break.text("$.payer.policy", "LABEL", 400),
                Break.text("$.payer.memberId", "XJ 99812", 400),
                Break.text("$.diagnosisCode", "G43.7", 400),
                Break.text("$.diagnosisCode", "G44.209", 400),
                Break.text("$.diagnosisCode", "g43.709", 400),
                new Break("$.clinical.headacheDaysPerMonth", "32", 400),
                new Break("$.clinical.headacheDaysPerMonth", "-1", 400),
                new Break("$.clinical.migraineDaysPerMonth", "19", 400),
                new Break("$.clinical.chronicMigraineMonths", "1201", 400),
                new Break("$.clinical.headacheDaysPerMonth", "2147483648", 400),
                new Break("$.clinical.headacheDaysPerMonth", "1e400", 400),
                new Break("$.clinical.headacheDaysPerMonth", "1" + "0".repeat(1_200), 400),
                Break.text("$.clinical.medicationOveruse", "SOMETIMES", 400),
                Break.text("$.clinical.preventiveTrials[0].drugClass", "HERBAL", 400),
                Break.text("$.clinical.preventiveTrials[0].result", "", 400),
                new Break("$.clinical.preventiveTrials[0].days", "36501", 400),
                Break.text("$.clinical.contraindications", "PREGNANCY", 400),
                new Break("$.clinical.contraindications", "[\"TELEPATHY\"]", 400),
                new Break("$.clinical.preventiveTrials", "[null]", 400),
                new Break("$.clinical.preventiveTrials", "[" + ("{\"drug\": \"x\", \"drugClass\": \"OTHER\", "
                        + "\"result\": \"INEFFECTIVE\"},").repeat(50) + "{\"drug\": \"y\", \"drugClass\": \"OTHER\", "
                        + "\"result\": \"INEFFECTIVE\"}]", 400),
                new Break("$.outsideTreatments", "[{\"date\": \"2999-01-01\", \"units\": 155}]", 400),
                new Break("$.outsideTreatments", "[{\"date\": 0, \"units\": 155}]", 400),
                new Break("$.outsideTreatments", "[{\"date\": \"2024-01-01\", \"units\": 401}]", 400));
        List<String> referralRequired = List.of("$.patient", "$.patient.firstName", "$.patient.lastName",
                "$.patient.dateOfBirth", "$.patient.timeZone", "$.patient.preferredChannel", "$.referrer",
                "$.referrer.name", "$.referrer.npi", "$.payer", "$.payer.policy", "$.payer.memberId", "$.diagnosisCode",
                "$.clinical", "$.clinical.headacheDaysPerMonth", "$.clinical.medicationOveruse",
                "$.clinical.onCgrpAntibody", "$.clinical.preventiveTrials[0].drug",
                "$.clinical.preventiveTrials[0].drugClass", "$.clinical.preventiveTrials[0].result");
        List<String> referralConstrained = List.of("$.patient.email", "$.patient.phone", "$.patient.dateOfBirth",
                "$.patient.timeZone", "$.patient.preferredChannel", "$.referrer.npi", "$.payer.policy",
                "$.payer.memberId", "$.diagnosisCode", "$.clinical.medicationOveruse",
                "$.clinical.preventiveTrials[0].drugClass", "$.clinical.preventiveTrials[0].result");

        String evaluation = DocumentContextHelper.without(referral, "$.referrer");
        List<Break> evaluationBreaks = List.of(
                Break.text("$.patient.dateOfBirth", "2999-01-01", 400),
                new Break("$.patient.dateOfBirth", "0", 400),
                Break.text("$.patient.dateOfBirth", "1984-3-9", 400),
                Break.text("$.payer.policy", "LABEL", 400),
                Break.text("$.diagnosisCode", "G43.7", 400),
                Break.text("$.diagnosisCode", "G44.209", 400),
                new Break("$.clinical.headacheDaysPerMonth", "32", 400),
                new Break("$.clinical.migraineDaysPerMonth", "-1", 400),
                new Break("$.clinical.preventiveTrials[0].days", "-1", 400),
                new Break("$.authorization", "{\"validFrom\": 0, \"validUntil\": \"2031-01-01\", "
                        + "\"treatmentsAuthorized\": 4, \"treatmentsUsed\": 0}", 400),
                new Break("$.authorization", "{\"validFrom\": \"2030-01-01\", \"validUntil\": \"2031-01-01\", "
                        + "\"treatmentsAuthorized\": 21, \"treatmentsUsed\": 0}", 400),
                new Break("$.treatmentHistory", "{\"completedCycles\": -1}", 400),
                new Break("$.treatmentHistory", "{\"completedCycles\": 1, \"monthlyHeadacheDays\": [32]}", 400),
                new Break("$.asOf", "0", 400),
                Break.text("$.asOf", "2026-13-01", 400));

        String review = "/api/reviews/" + UUID.randomUUID();
        String authorization = """
                {"authorizationNumber": "PA-1", "validFrom": "2030-01-01", "validUntil": "2030-06-30",
                 "treatmentsAuthorized": 2}""";
        String decision = """
                {"outcome": "ELIGIBLE", "note": "meets the criteria"}""";
        String booking = """
                {"referralId": "%s", "cycle": 1, "start": "2031-01-06T16:00:00Z", "providerId": "prov-1"}"""
                .formatted(UUID.randomUUID());
        String completion = """
                {"administeredAt": "2031-01-06T09:00:00-08:00", "product": "onabotulinumtoxinA", "lot": "C3391",
                 "lotExpiry": "2031-06-30", "wastedUnits": 0,
                 "sites": [{"muscle": "PROCERUS", "side": "MIDLINE", "injections": 1, "units": 5}]}""";
        String closure = """
                {"providerId": "prov-1", "startsOn": "2031-01-05", "endsOn": "2031-01-06", "reason": "holiday"}""";
        String checkIn = """
                {"neckPainOrStiffness": true, "injectionSitePain": false, "droopingEyelid": false,
                 "troubleSwallowingSpeakingBreathing": false, "headacheDaysLast30": 9}""";
        String appointment = "/api/appointments/" + appointmentId;
        return List.of(
                new Endpoint("submit a referral", system.intake, "POST", "/api/referrals", referral, referralBreaks,
                        referralRequired, referralConstrained),
                new Endpoint("withdraw", system.intake, "POST", "/api/referrals/" + referralId + "/withdraw",
                        "{\"reason\": \"moved away\"}", List.of(Break.text("$.reason", "", 400),
                                Break.text("$.reason", " ", 400), Break.text("$.reason", "r".repeat(501), 400)),
                        List.of("$.reason"), List.of()),
                new Endpoint("correct a name", system.intake, "POST", "/api/patients/" + patientId + "/name",
                        "{\"firstName\": \"Ana\", \"lastName\": \"Lopez\"}", List.of(Break.text("$.firstName", "", 400),
                                Break.text("$.lastName", "L".repeat(101), 400),
                                Break.text("$.lastName", "Lo\u0000pez", 400)),
                        List.of("$.firstName", "$.lastName"), List.of()),
                new Endpoint("what-if evaluation", system.eligibility, "POST", "/api/eligibility/evaluations",
                        evaluation, evaluationBreaks, List.of("$.patient", "$.patient.dateOfBirth", "$.payer",
                                "$.payer.policy", "$.diagnosisCode", "$.clinical", "$.clinical.headacheDaysPerMonth",
                                "$.clinical.medicationOveruse", "$.clinical.onCgrpAntibody"),
                        List.of("$.payer.policy", "$.diagnosisCode", "$.patient.dateOfBirth",
                                "$.clinical.medicationOveruse", "$.clinical.preventiveTrials[0].drugClass")),
                new Endpoint("record an authorization", system.eligibility, "POST", review + "/authorization",
                        authorization, List.of(Break.text("$.authorizationNumber", "-PA", 400),
                                Break.text("$.authorizationNumber", "PA\n1", 400),
                                new Break("$.validFrom", "0", 400), Break.text("$.validUntil", "2030-6-30", 400),
                                new Break("$.treatmentsAuthorized", "0", 400),
                                new Break("$.treatmentsAuthorized", "21", 400)),
                        List.of("$.authorizationNumber", "$.validFrom", "$.validUntil", "$.treatmentsAuthorized"),
                        List.of("$.authorizationNumber", "$.validFrom", "$.validUntil")),
                new Endpoint("decide a review", system.eligibility, "POST", review + "/decision", decision,
                        List.of(Break.text("$.outcome", "MAYBE", 400), Break.text("$.outcome", "NEEDS_REVIEW", 422),
                                Break.text("$.note", "", 400), Break.text("$.note", "n".repeat(2_001), 400)),
                        List.of("$.outcome", "$.note"), List.of("$.outcome")),
                new Endpoint("book", system.scheduling, "POST", "/api/appointments", booking,
                        List.of(new Break("$.start", "0", 400), Break.text("$.start", "2031-01-06T16:00", 400),
                                Break.text("$.start", "2031-01-06", 400), new Break("$.cycle", "0", 400),
                                new Break("$.cycle", "101", 400), Break.text("$.providerId", "p".repeat(41), 400),
                                Break.text("$.providerId", "", 400), Break.text("$.referralId", "not-a-uuid", 400)),
                        List.of("$.referralId", "$.cycle", "$.start", "$.providerId"),
                        List.of("$.referralId", "$.start")),
                new Endpoint("reschedule", system.scheduling, "POST", appointment + "/reschedule",
                        "{\"start\": \"2031-01-06T16:00:00Z\"}", List.of(new Break("$.start", "1767225600", 400),
                                Break.text("$.start", "tomorrow", 400), Break.text("$.providerId", "p".repeat(41), 400)),
                        List.of("$.start"), List.of("$.start")),
                new Endpoint("cancel", system.scheduling, "POST", appointment + "/cancel",
                        "{\"reason\": \"sick\", \"by\": \"PATIENT\"}", List.of(Break.text("$.by", "NOBODY", 400),
                                Break.text("$.reason", "", 400), Break.text("$.reason", "r".repeat(501), 400)),
                        List.of("$.reason", "$.by"), List.of("$.by")),
                new Endpoint("record the treatment", system.scheduling.as("clinician"), "POST", appointment + "/complete",
                        completion, List.of(new Break("$.administeredAt", "0", 400),
                                Break.text("$.product", "botox", 400), Break.text("$.lot", "", 400),
                                new Break("$.lotExpiry", "0", 400), new Break("$.sites", "[]", 400),
                                new Break("$.wastedUnits", "401", 400),
                                Break.text("$.sites[0].muscle", "OTHER", 400),
                                new Break("$.sites[0].units", "0", 400), new Break("$.sites[0].injections", "41", 400),
                                Break.text("$.sites[0].side", "UP", 400)),
                        List.of("$.administeredAt", "$.product", "$.lot", "$.lotExpiry", "$.sites", "$.wastedUnits",
                                "$.sites[0].muscle", "$.sites[0].side", "$.sites[0].injections", "$.sites[0].units"),
                        List.of("$.administeredAt", "$.product", "$.lotExpiry", "$.sites[0].muscle",
                                "$.sites[0].side")),
                new Endpoint("close days", system.scheduling, "POST", "/api/closures", closure,
                        List.of(new Break("$.startsOn", "0", 400), Break.text("$.startsOn", "2031-1-5", 400),
                                Break.text("$.startsOn", "2031-01-05T00:00:00", 400),
                                Break.text("$.endsOn", "2031-01-04", 422), Break.text("$.endsOn", "9999-12-31", 422),
                                Break.text("$.startsOn", "0000-01-01", 422),
                                Break.text("$.providerId", "prov-404", 422),
                                Break.text("$.providerId", "p".repeat(41), 400), Break.text("$.reason", "", 400),
                                Break.text("$.reason", "r".repeat(201), 400)),
                        List.of("$.startsOn", "$.endsOn", "$.reason"), List.of("$.startsOn", "$.endsOn")),
                new Endpoint("close an alert", system.followup, "POST", "/api/alerts/" + UUID.randomUUID() + "/close",
                        "{\"note\": \"called back\"}", List.of(Break.text("$.note", "", 400),
                                Break.text("$.note", "n".repeat(2_001), 400)), List.of("$.note"), List.of()),
                new Endpoint("answer a check-in", system.followup.anonymous(), "POST",
                        "/api/checkins/" + UUID.randomUUID(), checkIn, List.of(
                                new Break("$.headacheDaysLast30", "31", 400), new Break("$.headacheDaysLast30", "-1", 400),
                                Break.text("$.neckPainOrStiffness", "maybe", 400)),
                        List.of("$.neckPainOrStiffness", "$.injectionSitePain", "$.droopingEyelid",
                                "$.troubleSwallowingSpeakingBreathing"), List.of()),
                new Endpoint("answer the diary", system.followup.anonymous(), "POST", "/api/diary/" + UUID.randomUUID(),
                        "{\"headacheDaysLast30\": 4}", List.of(new Break("$.headacheDaysLast30", "31", 400),
                                new Break("$.headacheDaysLast30", "-1", 400)),
                        List.of("$.headacheDaysLast30"), List.of()));
    }

    private static List<Query> queries(RunningSystem system, UUID referralId) {
        List<Query> queries = new ArrayList<>();
        for (String status : List.of("NONSENSE", "1", "'; drop table referral; --", "scheduled")) {
            queries.add(new Query(system.intake, "/api/referrals?status=" + encode(status), 400));
        }
        for (String page : List.of("-1", "100001", "abc", "1e9", "2147483648")) {
            queries.add(new Query(system.intake, "/api/referrals?page=" + encode(page), 400));
        }
        for (String size : List.of("0", "101", "-5", "x")) {
            queries.add(new Query(system.intake, "/api/referrals?size=" + encode(size), 400));
        }
        queries.add(new Query(system.intake, "/api/referrals?q=" + "q".repeat(101), 400));
        queries.add(new Query(system.intake, "/api/patients?q=", 400));
        queries.add(new Query(system.intake, "/api/patients?q=" + "q".repeat(101), 400));
        for (String notAnId : List.of("not-a-uuid", "' OR '1'='1", "<script>alert(1)</script>", "%00", "1")) {
            queries.add(new Query(system.intake, "/api/referrals/" + encode(notAnId), 400));
            queries.add(new Query(system.scheduling, "/api/appointments/" + encode(notAnId), 400));
            queries.add(new Query(system.followup, "/api/messages?patient=" + encode(notAnId), 400));
            queries.add(new Query(system.eligibility, "/api/reviews/" + encode(notAnId), 400));
        }
        queries.add(new Query(system.intake, "/api/referrals/" + referralId + "%2F..%2F..", 400));
        queries.add(new Query(system.intake, "/api/referrals/%5C..%5C" + referralId, 400));
        for (String from : List.of("yesterday", "2026-13-01", "2026-1-5", "0", "2026-01-05T10:00")) {
            queries.add(new Query(system.scheduling, "/api/slots?from=" + encode(from) + "&to=2031-01-10", 400));
            queries.add(new Query(system.scheduling, "/api/appointments?from=" + encode(from), 400));
        }
        queries.add(new Query(system.scheduling, "/api/slots?from=2031-01-10&to=2031-01-01", 422));
        queries.add(new Query(system.scheduling, "/api/slots?from=2031-01-01&to=2032-01-01", 422));
        queries.add(new Query(system.scheduling, "/api/appointments?from=2031-01-10&to=2031-01-01", 400));
        queries.add(new Query(system.scheduling, "/api/appointments?size=501", 400));
        queries.add(new Query(system.scheduling, "/api/appointments?page=10001", 400));
        queries.add(new Query(system.scheduling, "/api/appointments?status=lost", 400));
        queries.add(new Query(system.scheduling, "/api/appointments?providerId=" + "p".repeat(41), 400));
        queries.add(new Query(system.eligibility, "/api/reviews?status=MAYBE", 400));
        queries.add(new Query(system.eligibility, "/api/reviews?limit=0", 400));
        queries.add(new Query(system.eligibility, "/api/reviews?limit=501", 400));
        return queries;
    }

    // --------------------------------------------------------------------------------------- JSON surgery

    /** Paths of every value in the body, objects and arrays included. */
    private static List<String> leaves(String json) {
        List<String> paths = JsonPath.using(PATHS).parse(json).read("$..*");
        return paths;
    }

    /** Paths of the string values, where a huge value fits any body. */
    private static List<String> textLeaves(String json) {
        return leaves(json).stream().filter(path -> read(json, path) instanceof String).toList();
    }

    private static Object read(String json, String path) {
        return JsonPath.parse(json).read(path);
    }

    /** The body with the value at the path replaced by raw JSON. */
    private static String set(String json, String path, String raw) {
        DocumentContext document = JsonPath.parse(json);
        if (path.startsWith("$.") && document.read("$") instanceof Map<?, ?> && !has(json, path)) {
            int dot = path.lastIndexOf('.');
            document.put(path.substring(0, dot), path.substring(dot + 1), RAW);
        } else {
            document.set(path, RAW);
        }
        String written = document.jsonString();
        if (!written.contains("\"" + RAW + "\"")) {
            throw new IllegalStateException("the value at " + path + " was not replaced: " + written);
        }
        return written.replace("\"" + RAW + "\"", raw);
    }

    private static boolean has(String json, String path) {
        try {
            JsonPath.parse(json).read(path);
            return true;
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return false;
        }
    }

    private static String delete(String json, String path) {
        return JsonPath.parse(json).delete(path).jsonString();
    }

    /** A value of another JSON type than the one the field has; none that Jackson would coerce into it. */
    private String wrongType(Object value) {
        if (value instanceof String) {
            return pick(List.of("{}", "[]", "[\"a\", \"b\"]", "{\"value\": \"x\"}"));
        }
        if (value instanceof Number) {
            return pick(List.of("\"text\"", "{}", "[]", "[1, 2]", "\"\u0000\"", "\"12abc\""));
        }
        if (value instanceof Boolean) {
            return pick(List.of("\"maybe\"", "{}", "[]", "\"yes\"", "[true]"));
        }
        if (value instanceof List<?>) {
            return pick(List.of("{}", "\"text\"", "123", "true"));
        }
        return pick(List.of("\"text\"", "123", "[]", "true", "[{}]"));
    }

    private String malformed(String json) {
        return switch (random.nextInt(9)) {
            case 0 -> json.substring(0, 1 + random.nextInt(json.length() - 1));
            case 1 -> json.replaceFirst(":", "");
            case 2 -> json + "}";
            case 3 -> json.replaceFirst("\"", "'");
            case 4 -> json.substring(0, json.length() - 1) + ",}";
            case 5 -> "/* comment */" + json;
            case 6 -> json.replaceFirst(":\\s*", ": NaN, \"x\": ");
            case 7 -> json.replaceFirst("\"", "\"\u0001");
            default -> json.replace(",", ";");
        };
    }

    private String unknownField(String json) {
        List<String> objects = new ArrayList<>(List.of("$"));
        for (String path : leaves(json)) {
            if (read(json, path) instanceof Map<?, ?>) {
                objects.add(path);
            }
        }
        String name = pick(List.of("isAdmin", "role", "id", "status", "__proto__", "constructor", "patientId", "x"));
        DocumentContext document = JsonPath.parse(json);
        document.put(pick(objects), name, random.nextBoolean() ? Boolean.TRUE : "value-" + random.nextInt(1000));
        return document.jsonString();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fingerprint(String base, String method, String path, String contentType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {base, method, path, String.valueOf(contentType)}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            if (body != null) {
                digest.update(body);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "..." : text;
    }

    /** Small helpers on whole documents. */
    private static final class DocumentContextHelper {

        static String without(String json, String path) {
            return JsonPath.parse(json).delete(path).jsonString();
        }
    }
}
