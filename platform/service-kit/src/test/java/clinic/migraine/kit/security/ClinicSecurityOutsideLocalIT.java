package clinic.migraine.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.kit.KitTestApplication;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RealPostgres;
import clinic.migraine.testsupport.RealSchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * The kit's security as it runs outside the local profile, behind a TLS proxy, over real HTTP: sign-in throttling,
 * the session cookie, HSTS and the metrics-only account. The proxy's part is played by the X-Forwarded-* headers
 * (the test client connects from the loopback address, a trusted proxy); each test signs in from its own address.
 */
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 1)
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ClinicSecurityOutsideLocalIT.StaffPages.class)
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "clinic.security.users[0].name=admin",
        "clinic.security.users[0].password=" + ClinicSecurityOutsideLocalIT.HASH,
        "clinic.security.users[0].roles=ADMIN",
        "clinic.security.users[1].name=nurse",
        "clinic.security.users[1].password=" + ClinicSecurityOutsideLocalIT.HASH,
        "clinic.security.users[1].roles=CLINICIAN",
        "clinic.security.users[2].name=prometheus",
        "clinic.security.users[2].password=" + ClinicSecurityOutsideLocalIT.HASH,
        "clinic.security.users[2].roles=METRICS",
        "clinic.security.users[3].name=desk",
        "clinic.security.users[3].password=" + ClinicSecurityOutsideLocalIT.HASH,
        "clinic.security.users[3].roles=INTAKE",
        "clinic.security.users[4].name=reception",
        "clinic.security.users[4].password=" + ClinicSecurityOutsideLocalIT.HASH,
        "clinic.security.users[4].roles=INTAKE",
        // 429 exactly at the 5th failure here; the slowing down before it is SignInThrottleTest's
        "clinic.security.sign-in.slow-after=0",
        "clinic.security.sign-in.address-failures=8"})
class ClinicSecurityOutsideLocalIT {

    static final String PASSWORD = "correct horse battery";
    /** {@link #PASSWORD}, bcrypt cost 4. */
    static final String HASH = "{bcrypt}$2a$04$Im1zec0Dbi.qHtWCh4O6qOPf5yetss.6WBWpo6bM55vYR0VP25YlW";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    /** Pages any signed-in account may see, the way the services open their home pages. */
    @TestConfiguration
    static class StaffPages {
        @Bean
        AccessRules anySignedInAccount() {
            return paths -> paths.requestMatchers("/staff/**").authenticated();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    AuditTrail audit;

    @Test
    void fiveWrongPasswordsLockTheAccountAndEveryFurtherAttemptIs429WithoutAPasswordCheck() throws Exception {
        String from = address();
        for (int i = 0; i < 5; i++) {
            assertThat(basic("nurse", "guess" + i, "/api/audit?subject=" + ClinicSecurityConfiguration.SIGN_IN_LOCKS,
                    from).statusCode()).isEqualTo(401);
        }
        double checked = passwordChecks();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> locked = basic("nurse", i % 2 == 0 ? "guess" : PASSWORD, "/api/audit?subject="
                    + ClinicSecurityConfiguration.SIGN_IN_LOCKS, i % 3 == 0 ? from : address());

            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(800L, 900L));
            assertThat(locked.body()).contains("\"status\":429");
        }
        assertThat(passwordChecks()).as("no password was checked while locked").isEqualTo(checked);

        List<AuditTrail.Entry> lock = audit.about(ClinicSecurityConfiguration.SIGN_IN_LOCKS).stream()
                .filter(entry -> entry.detail().startsWith("account nurse:")).toList();
        assertThat(lock).hasSize(1);
        assertThat(lock.get(0).action()).isEqualTo("sign-in locked");
        assertThat(lock.get(0).detail()).contains("5 failed sign-ins", from, "PT15M");
        // another account from the same address still signs in
        assertThat(basic("admin", PASSWORD, "/api/audit?subject=" + ClinicSecurityConfiguration.SIGN_IN_LOCKS, from)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedAccountIsToldSoOnTheSignInPageWithoutAPasswordCheck() throws Exception {
        String from = address();
        for (int i = 0; i < 5; i++) {
            basic("desk", "guess" + i, "/api/dead-letters", from);
        }
        HttpResponse<String> signInPage = HttpClient.newHttpClient().send(request("/login", from).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // the cookie is Secure: the JDK's cookie store would not send it back over this test's plain http
        String session = signInPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = CSRF_FIELD.matcher(signInPage.body());
        assertThat(token.find()).isTrue();
        double checked = passwordChecks();

        HttpResponse<String> signIn = HttpClient.newHttpClient().send(form("/login", "username=desk&password="
                + enc(PASSWORD) + "&_csrf=" + enc(token.group(1)), from).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?locked=15"));
        assertThat(passwordChecks()).isEqualTo(checked);
        HttpResponse<String> page = HttpClient.newHttpClient().send(request("/login?locked=15", from).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Too many failed sign-ins", "try again in", "15 minutes");
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAgain() throws Exception {
        String from = address();
        for (int i = 0; i < 4; i++) {
            basic("admin", "guess" + i, "/api/dead-letters", address());
        }
        assertThat(basic("admin", PASSWORD, "/api/dead-letters", from).statusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(basic("admin", "guess" + i, "/api/dead-letters", address()).statusCode()).isEqualTo(401);
        }
        assertThat(basic("admin", PASSWORD, "/api/dead-letters", from).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressGuessingAtManyAccountsIsLockedForEveryAccount() throws Exception {
        String from = address();
        for (int i = 0; i < 8; i++) {
            assertThat(basic("guess" + i, "guess", "/api/dead-letters", from).statusCode()).isEqualTo(401);
        }

        assertThat(basic("admin", PASSWORD, "/api/dead-letters", from).statusCode()).isEqualTo(429);
        assertThat(basic("admin", PASSWORD, "/api/dead-letters", address()).statusCode()).isEqualTo(200);
        assertThat(audit.about(ClinicSecurityConfiguration.SIGN_IN_LOCKS)).anySatisfy(
                entry -> assertThat(entry.detail()).startsWith("address " + from + ": 8 failed sign-ins"));
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        // over plain http, so it is the configuration that marks it Secure (Tomcat does so by itself over https)
        HttpResponse<String> page = HttpClient.newHttpClient().send(request("/login", address()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure", "; HttpOnly", "; SameSite=Lax"));
    }

    @Test
    void httpsThroughTheProxyGetsStrictTransportSecurityAndPlainHttpDoesNot() throws Exception {
        HttpResponse<String> https = HttpClient.newHttpClient().send(request("/login", address())
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> http = HttpClient.newHttpClient().send(request("/login", address()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theMetricsAccountReadsTheMetricsAndHealthAndNothingElse() throws Exception {
        String from = address();
        HttpResponse<String> metrics = basic("prometheus", PASSWORD, "/actuator/prometheus", from);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(CountedPasswordEncoder.CHECKS.replace('.', '_'));
        assertThat(basic("prometheus", PASSWORD, "/actuator/health", from).statusCode()).isEqualTo(200);

        for (String path : new String[] {"/actuator/metrics", "/api/dead-letters", "/api/audit?subject="
                + ClinicSecurityConfiguration.SIGN_IN_LOCKS, "/staff/home", "/anything"}) {
            HttpResponse<String> refused = basic("prometheus", PASSWORD, path, from);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("\"status\":403");
        }
        // the page any signed-in account may see exists (no controller: 404), yet not for the scraper
        assertThat(basic("reception", PASSWORD, "/staff/home", from).statusCode()).isEqualTo(404);
        assertThat(basic("admin", PASSWORD, "/actuator/prometheus", from).statusCode()).isEqualTo(200);
        assertThat(basic("reception", PASSWORD, "/actuator/prometheus", from).statusCode()).isEqualTo(403);
    }

    private double passwordChecks() {
        return meters.get(CountedPasswordEncoder.CHECKS).counter().count();
    }

    /** A client address of its own, as the TLS proxy passes it on. */
    private static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "203.0.113." + n;
    }

    private HttpResponse<String> basic(String account, String password, String path, String from)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request(path, from).header("Authorization", Api.basic(account, password))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String from) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", from);
    }

    private HttpRequest.Builder form(String path, String body, String from) {
        return request(path, from).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
