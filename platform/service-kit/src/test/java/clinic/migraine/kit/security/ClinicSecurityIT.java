package clinic.migraine.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.kit.KitTestApplication;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RealPostgres;
import clinic.migraine.testsupport.RealSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-in, roles, CSRF and security headers over real HTTP, as a browser and an API client meet them. */
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 1)
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
class ClinicSecurityIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    UserDetailsService accounts;

    private Api admin() {
        return new Api("http://localhost:" + port);
    }

    @Test
    void theApiAnswers401AsProblemDetailsWithoutCredentialsAndWithAWrongPassword() {
        for (Api caller : new Api[] {admin().anonymous(), admin().as("admin", "not-the-password")}) {
            Api.Answer answer = caller.get("/api/dead-letters");

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat((Integer) answer.read("$.status")).isEqualTo(401);
        }
        assertThat(admin().get("/api/dead-letters").status()).isEqualTo(200);
    }

    @Test
    void anAddressTheFirewallRefusesIsA400ProblemNotAnErrorPage() {
        for (String path : new String[] {"/api/dead-letters/%2500%250a", "/api/audit/%27%3B%20drop", "/login;x=1"}) {
            Api.Answer answer = admin().get(path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void signingInLeavesTheConfiguredHashAsItIs() {
        String before = accounts.loadUserByUsername("admin").getPassword();

        assertThat(admin().get("/api/audit?subject=" + UUID.randomUUID()).status()).isEqualTo(200);

        // a weaker-than-default hash is not re-encoded at cost 10, which would make every Basic call slow
        assertThat(accounts.loadUserByUsername("admin").getPassword()).isEqualTo(before).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void aWrongRoleGets403AsProblemDetailsAndAdminGetsEverywhere() {
        Api.Answer intake = admin().as("intake").get("/api/dead-letters");

        assertThat(intake.status()).isEqualTo(403);
        assertThat(intake.contentType()).startsWith("application/problem+json");
        assertThat((String) intake.read("$.title")).isEqualTo("Forbidden");
        assertThat(admin().as("intake").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(admin().get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void healthAndTheSignInPageAreOpenAndPagesSendStrangersToSignIn() throws Exception {
        Api.Answer health = admin().anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat((String) health.read("$.status")).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("components", "details", "db", "diskSpace");
        Api.Answer readiness = admin().anonymous().get("/actuator/health/readiness");
        assertThat((String) readiness.read("$.status")).isEqualTo("UP");
        assertThat(readiness.body()).doesNotContain("components", "details");
        assertThat(admin().get("/actuator/health").body()).contains("\"components\"");

        HttpResponse<String> page = plain().send(HttpRequest.newBuilder(url("/some/page"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        Api.Answer signIn = admin().anonymous().get("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"",
                "<label for=\"password\"");
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> page = plain().send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void theLocalProfileKeepsWorkingOverPlainHttpWithoutASecureCookieOrHsts() throws Exception {
        HttpResponse<String> page = plain().send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> https = plain().send(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure"));
        assertThat(https.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theDemoMetricsAccountReadsTheMetricsOnly() {
        assertThat(admin().as("metrics").get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin().as("metrics").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(admin().as("metrics").get("/api/dead-letters").status()).isEqualTo(403);
    }

    @Test
    void formSignInNeedsTheCsrfTokenAndASessionFormPostWithoutItIsRefused() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrfToken(browser);

        HttpResponse<String> forged = browser.send(form("/login", "username=admin&password=demo"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        token = csrfToken(browser);
        HttpResponse<String> wrong = browser.send(form("/login", "username=admin&password=nope&_csrf=" + enc(token)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        token = csrfToken(browser);
        HttpResponse<String> signedIn = browser.send(form("/login", "username=admin&password=demo&_csrf=" + enc(token)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        // the session now opens the API; a state change on it without the token is refused (another site's form)
        HttpResponse<String> session = browser.send(HttpRequest.newBuilder(url("/api/dead-letters")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        HttpResponse<String> replay = browser.send(HttpRequest.newBuilder(url("/api/dead-letters/t/0/0/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(403);
        HttpResponse<String> signOut = browser.send(form("/logout", ""), HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(403);
    }

    @Test
    void credentialsABrowserAddsByItselfToAnotherSitesRequestDoNotPassWithoutTheCsrfToken() throws Exception {
        String admin = Api.basic("admin", "demo");
        for (String site : new String[] {"cross-site", "same-site"}) {
            HttpResponse<String> forged = plain().send(HttpRequest.newBuilder(url("/api/dead-letters/t/0/0/replay"))
                    .header("Authorization", admin).header("Sec-Fetch-Site", site)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(forged.statusCode()).as(site).isEqualTo(403);
        }
        // the same call from a client (no Sec-Fetch-Site) or from this origin passes the CSRF check and meets the
        // replay itself: there is no such dead letter
        for (String site : new String[] {null, "same-origin"}) {
            HttpRequest.Builder call = HttpRequest.newBuilder(url("/api/dead-letters/t/0/0/replay"))
                    .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody());
            if (site != null) {
                call.header("Sec-Fetch-Site", site);
            }
            assertThat(plain().send(call.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as(site)
                    .isEqualTo(404);
        }
    }

    @Test
    void theAuditTrailNamesWhoDidWhatAndOnlyClinicalStaffAndAdminsReadIt() {
        UUID referral = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            audit.recordBy("scheduler", "appointment booked", "appointment", appointment, referral, "2026-12-08T17:30Z");
            audit.record("referral withdrawn", "referral", referral, referral, "WITHDRAWN");
        });

        Api.Answer trail = admin().as("clinician").get("/api/audit?subject=" + referral);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(admin().get("/api/audit?subject=" + referral).status()).isEqualTo(200);
        assertThat(admin().as("intake").get("/api/audit?subject=" + referral).status()).isEqualTo(403);
        assertThat(admin().as("scheduler").get("/api/audit?subject=" + referral).status()).isEqualTo(403);
        assertThat(trail.<java.util.List<String>>read("$[*].actor")).containsExactly("scheduler", Actors.SYSTEM);
        assertThat(trail.<java.util.List<String>>read("$[*].action"))
                .containsExactly("appointment booked", "referral withdrawn");
        assertThat(admin().anonymous().get("/api/audit?subject=" + referral).status()).isEqualTo(401);
    }

    @Test
    void aSignedInStaffMemberWhoseRoleDoesNotAllowAPageSeesTheNotAllowedPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signedIn = browser.send(form("/login",
                "username=intake&password=demo&_csrf=" + enc(csrfToken(browser))), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/some/admin/page"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Not allowed", "Signed in as <strong>intake</strong>");
    }

    private String csrfToken(HttpClient browser) throws IOException, InterruptedException {
        String body = browser.send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher field = CSRF_FIELD.matcher(body);
        assertThat(field.find()).as("the sign-in form carries a CSRF token").isTrue();
        return field.group(1);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpClient plain() {
        return HttpClient.newHttpClient();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
