package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import clinic.migraine.testsupport.SmsSignatures;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in, roles, CSRF and the security headers over real HTTP, as a browser or an API client meets them on the
 * running services (the services' own tests sign every request in, so the anonymous side is checked here).
 */
class SecurityIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static RunningSystem system;
    private static Map<String, Api> services;

    @BeforeAll
    static void connect() {
        system = SharedSystem.system();
        services = Map.of("intake", system.intake, "eligibility", system.eligibility, "scheduling",
                system.scheduling, "followup", system.followup);
    }

    @Test
    void anApiCallWithoutCredentialsIsAnsweredWith401ProblemDetailsAndABasicChallenge() throws Exception {
        for (var service : services.entrySet()) {
            HttpResponse<String> answer = send(get(service.getValue(), "/api/dead-letters"), HttpClient.newHttpClient());

            assertThat(answer.statusCode()).as(service.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(service.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(service.getKey())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(answer.body()).contains("\"status\":401");
        }
    }

    @Test
    void anAccountWithoutTheRoleIsRefusedEachServicesApiWith403ProblemDetails() {
        // per service: a path, an account whose role it is not, an account whose role it is
        List<List<String>> rules = List.of(List.of("intake", "/api/referrals", "scheduler", "intake"),
                List.of("eligibility", "/api/reviews", "scheduler", "clinician"),
                List.of("scheduling", "/api/appointments", "intake", "scheduler"),
                List.of("followup", "/api/alerts", "intake", "clinician"));
        for (List<String> rule : rules) {
            Api service = services.get(rule.get(0));
            Api.Answer refused = service.as(rule.get(2)).get(rule.get(1));
            Api.Answer allowed = service.as(rule.get(3)).get(rule.get(1));
            String where = rule.get(0) + " " + rule.get(1);

            assertThat(refused.status()).as(where + " as " + rule.get(2)).isEqualTo(403);
            assertThat(refused.contentType()).as(where).startsWith("application/problem+json");
            assertThat(refused.body()).as(where).contains("\"status\":403");
            assertThat(allowed.status()).as(where + " as " + rule.get(3) + ": " + allowed.body()).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordIsSentBackToEachServicesSignInPage() throws Exception {
        for (var service : services.entrySet()) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = hiddenCsrfToken(send(get(service.getValue(), "/login"), browser).body());

            HttpResponse<String> answer = send(form(service.getValue(), "/login",
                    Map.of("username", "intake", "password", "wrong", "_csrf", token)), browser);

            assertThat(answer.statusCode()).as(service.getKey()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(service.getKey())
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        }
    }

    @Test
    void aSignedInSessionCannotPostWithoutItsCsrfTokenOnAnyService() throws Exception {
        for (var service : services.entrySet()) {
            HttpClient browser = signedIn(service.getValue(), "admin");
            String path = "/api/dead-letters/error.nothing-here/0/0/replay";

            HttpResponse<String> formWithoutToken = send(form(service.getValue(), "/logout", Map.of()), browser);
            HttpResponse<String> apiWithoutToken = send(json(service.getValue(), path, "{}"), browser);
            HttpResponse<String> apiWithToken = send(json(service.getValue(), path, "{}")
                    .header("X-CSRF-TOKEN", metaCsrfToken(service.getValue(), browser)), browser);

            assertThat(formWithoutToken.statusCode()).as(service.getKey()).isEqualTo(403);
            assertThat(apiWithoutToken.statusCode()).as(service.getKey()).isEqualTo(403);
            // past the CSRF check: the service itself answers that there is no such dead letter
            assertThat(apiWithToken.statusCode()).as(service.getKey() + ": " + apiWithToken.body()).isEqualTo(404);
        }
    }

    @Test
    void aReferralPostedFromASignedInPageNeedsThePagesCsrfToken() throws Exception {
        // admin: allowed to post referrals whatever the services' own role rules, so only the token decides
        HttpClient browser = signedIn(system.intake, "admin");
        String referral = RunningSystem.eligibleReferral("csrf-" + UUID.randomUUID() + "@example.org");

        HttpResponse<String> apiWithoutToken = send(json(system.intake, "/api/referrals", referral), browser);
        HttpResponse<String> apiWithToken = send(json(system.intake, "/api/referrals", referral)
                .header("X-CSRF-TOKEN", metaCsrfToken(system.intake, browser)), browser);

        assertThat(apiWithoutToken.statusCode()).as(apiWithoutToken.body()).isEqualTo(403);
        assertThat(apiWithToken.statusCode()).as(apiWithToken.body()).isEqualTo(201);
        // booked before the next test looks for free slots on the shared system
        system.awaitStatus(JsonPath.read(apiWithToken.body(), "$.id"), "SCHEDULED");
    }

    private static String metaCsrfToken(Api service, HttpClient browser) throws Exception {
        return metaCsrfToken(service, "/login", browser);
    }

    /** The CSRF token a signed-in page carries in its meta tag, for the page's own script to send. */
    private static String metaCsrfToken(Api service, String path, HttpClient browser) throws Exception {
        String page = send(get(service, path), browser).body();
        Matcher meta = Pattern.compile("<meta[^>]*name=\"_csrf\"[^>]*content=\"([^\"]+)\"").matcher(page);
        assertThat(meta.find()).as("the page's CSRF meta tag in %s", page).isTrue();
        return meta.group(1);
    }

    @Test
    void aBrowserAskingForAPageWithoutSignInIsRedirectedToTheSignInPage() throws Exception {
        Map<String, String> pages = Map.of("intake", "/referrals", "eligibility", "/reviews", "scheduling", "/board",
                "followup", "/messages");
        for (var page : pages.entrySet()) {
            HttpResponse<String> answer = send(get(services.get(page.getKey()), page.getValue())
                    .header("Accept", "text/html,application/xhtml+xml"), HttpClient.newHttpClient());

            assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page.getKey())
                    .hasValueSatisfying(to -> assertThat(URI.create(to).getPath()).isEqualTo("/login"));
        }
    }

    @Test
    void everyServiceSendsTheSecurityHeaders() throws Exception {
        for (var service : services.entrySet()) {
            for (String path : List.of("/login", "/api/dead-letters")) {
                HttpResponse<String> answer = send(get(service.getValue(), path), HttpClient.newHttpClient());
                String where = service.getKey() + " " + path;

                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(where)
                        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
                                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
                assertThat(answer.headers().firstValue("Cache-Control")).as(where)
                        .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
            }
        }
    }

    @Test
    void theAppointmentStreamBeatsEndsWhenItsAccountSignsOutAndAnAccountKeepsOnlyAFew() throws Exception {
        HttpClient browser = signedIn(system.scheduling, "scheduler");
        OpenStream stream = OpenStream.of(browser, HttpRequest.newBuilder(
                URI.create(system.scheduling.baseUrl() + "/api/appointments/stream")).header("Accept",
                "text/event-stream"));
        assertThat(stream.awaitLine(line -> line.startsWith(":keep-alive"))).as("a heartbeat").isTrue();

        String token = metaCsrfToken(system.scheduling, "/board", browser);
        assertThat(send(form(system.scheduling, "/logout", Map.of("_csrf", token))
                .header("Accept", "text/html"), browser).statusCode()).isEqualTo(302);
        assertThat(stream.ended()).as("the stream ends when its account signs out").isTrue();

        List<OpenStream> many = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(OpenStream.of(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                    URI.create(system.scheduling.baseUrl() + "/api/appointments/stream"))
                    .header("Authorization", Api.basic("admin", Api.DEMO_PASSWORD))));
            assertThat(many.get(i).awaitLine(line -> line.startsWith(":keep-alive"))).isTrue();
        }
        assertThat(many.get(0).ended()).as("the oldest of six streams of one account ends").isTrue();
        assertThat(many.get(5).isOpen()).isTrue();
    }

    /** A Server-Sent-Events response read line by line on its own thread. */
    private record OpenStream(java.util.concurrent.BlockingQueue<String> lines,
            java.util.concurrent.CompletableFuture<Void> end) {

        static OpenStream of(HttpClient client, HttpRequest.Builder request) throws Exception {
            HttpResponse<java.util.stream.Stream<String>> response = client.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
            java.util.concurrent.CompletableFuture<Void> end = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the server closed it: the end is what the test waits for
                }
            });
            return new OpenStream(lines, end);
        }

        boolean awaitLine(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return true;
                }
            }
            return false;
        }

        boolean ended() {
            try {
                end.get(20, java.util.concurrent.TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        }

        boolean isOpen() {
            return !end.isDone();
        }
    }

    /** A cookie-keeping client signed in through the service's sign-in form, as a browser would be. */
    private static HttpClient signedIn(Api service, String account) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = hiddenCsrfToken(send(get(service, "/login"), browser).body());
        HttpResponse<String> signIn = send(form(service, "/login",
                Map.of("username", account, "password", Api.DEMO_PASSWORD, "_csrf", token)), browser);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return browser;
    }

    private static String hiddenCsrfToken(String page) {
        Matcher hidden = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(page);
        assertThat(hidden.find()).as("the sign-in form's hidden CSRF field").isTrue();
        return hidden.group(1) != null ? hidden.group(1) : hidden.group(2);
    }

    @Test
    void anUnsignedSmsWebhookCallIsRefusedAndAuditedAndTheGatewaysSignedOneIsAnswered() throws Exception {
        String phone = "+1310555" + String.format("%04d", (int) (Math.random() * 10000));
        String url = system.followup.baseUrl() + "/api/sms/inbound";
        String form = "From=" + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&Body=STOP";
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), client);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SmsSignatures.sign("guessed", url, Map.of("From", phone, "Body", "STOP")))
                .POST(HttpRequest.BodyPublishers.ofString(form)), client);
        HttpResponse<String> signed = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SmsSignatures.sign(SmsSignatures.LOCAL_TOKEN, url,
                        Map.of("From", phone, "Body", "STOP")))
                .POST(HttpRequest.BodyPublishers.ofString(form)), client);

        for (HttpResponse<String> refused : List.of(unsigned, forged)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        UUID webhook = UUID.nameUUIDFromBytes("sms-inbound-webhook".getBytes(StandardCharsets.UTF_8));
        Api.Answer audit = system.followup.get("/api/audit?subject=" + webhook);
        assertThat(audit.<List<String>>read("$[*].action")).contains("sms webhook refused");
        assertThat(audit.body()).doesNotContain(phone.substring(2));
    }

    @Test
    void repeatedWrongPasswordsSlowDownThenLockTheAccountAnd429ComesWithoutAnyPasswordCheck() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (var service : services.entrySet()) {
            // a name of its own and, through the forwarded address, an address of its own: nothing else is locked
            String account = "mallory-" + UUID.randomUUID();
            String from = "198.51.100." + (1 + Math.floorMod(account.hashCode(), 250));
            HttpRequest.Builder guess = get(service.getValue(), "/api/dead-letters")
                    .header("Authorization", Api.basic(account, "guess")).header("X-Forwarded-For", from);
            double before = passwordChecks(service.getValue());
            for (int i = 0; i < 3; i++) {
                assertThat(send(guess, client).statusCode()).as(service.getKey()).isEqualTo(401);
            }
            assertThat(passwordChecks(service.getValue()) - before).as(service.getKey() + ": each failure checked")
                    .isGreaterThanOrEqualTo(3);
            // from the third failure on, the next attempt must wait 1 s, then 2 s; the fifth failure locks
            for (long wait : new long[] {1, 2}) {
                HttpResponse<String> slowed = send(guess, client);
                assertThat(slowed.statusCode()).as(service.getKey()).isEqualTo(429);
                assertThat(slowed.headers().firstValue("Retry-After")).as(service.getKey()).contains(Long.toString(wait));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> send(guess, client).statusCode(), status -> status == 401);
            }
            double locked = passwordChecks(service.getValue());

            for (int i = 0; i < 20; i++) {
                HttpResponse<String> refused = send(guess, client);
                assertThat(refused.statusCode()).as(service.getKey()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).as(service.getKey()).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isGreaterThan(800));
                assertThat(refused.headers().firstValue("Content-Type")).as(service.getKey())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            // the only check since: the admin sign-in of this metrics read itself
            assertThat(passwordChecks(service.getValue()) - locked).as(service.getKey()).isEqualTo(1);
        }
    }

    @Test
    void theMetricsAccountReadsEachServicesMetricsAndNoPatientData() {
        for (var service : services.entrySet()) {
            Api metrics = service.getValue().as("metrics");
            assertThat(metrics.get("/actuator/prometheus").status()).as(service.getKey()).isEqualTo(200);
            assertThat(metrics.get("/actuator/health").status()).as(service.getKey()).isEqualTo(200);
            for (String path : new String[] {"/", "/api/dead-letters", "/actuator/metrics", "/api/audit?subject="
                    + UUID.randomUUID()}) {
                assertThat(metrics.get(path).status()).as(service.getKey() + path).isEqualTo(403);
            }
        }
        assertThat(system.intake.as("metrics").get("/api/referrals/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(system.scheduling.as("metrics").get("/api/appointments").status()).isEqualTo(403);
        assertThat(system.followup.as("metrics").get("/api/alerts").status()).isEqualTo(403);
    }

    /** The password checks the service counted so far, from its Prometheus metrics (read as admin). */
    private static double passwordChecks(Api service) {
        String metrics = service.get("/actuator/prometheus").body();
        Matcher line = Pattern.compile("(?m)^clinic_security_password_checks_total(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        assertThat(line.find()).as("the password check counter").isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static HttpRequest.Builder get(Api service, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET();
    }

    private static HttpRequest.Builder form(Api service, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder json(Api service, String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends without following redirects (java.net.http's default), so a redirect is seen as such. */
    private static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client)
            throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
