package clinic.migraine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * Plain HTTP against a service, as any client of the public API would call it. It signs in with HTTP Basic as the
 * local profile's {@code admin} demo account unless told otherwise ({@link #as}, {@link #anonymous}).
 */
public final class Api {

    /** The local profile's demo password, shared by the accounts intake, clinician, scheduler and admin. */
    public static final String DEMO_PASSWORD = "demo";

    public record Answer(int status, String body, String contentType) {

        public Answer(int status, String body) {
            this(status, body, "");
        }

        public <T> T read(String path) {
            return JsonPath.read(body, path);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    /** Signed in as the demo {@code admin}. */
    public Api(String baseUrl) {
        this(baseUrl, basic("admin", DEMO_PASSWORD));
    }

    private Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same service, signed in as another demo account (intake, clinician, scheduler, admin). */
    public Api as(String account) {
        return new Api(baseUrl, basic(account, DEMO_PASSWORD));
    }

    /** The same service, signed in with the given password. */
    public Api as(String account, String password) {
        return new Api(baseUrl, basic(account, password));
    }

    /** The same service, without credentials. */
    public Api anonymous() {
        return new Api(baseUrl, null);
    }

    /** The {@code Authorization} header value for HTTP Basic. */
    public static String basic(String account, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** This client's {@code Authorization} header value, or null when anonymous (for other HTTP clients). */
    public String authorization() {
        return authorization;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST with extra headers (e.g. Idempotency-Key). */
    public Answer post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends raw bytes with the given content type (null: none), for hostile-input tests. */
    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public String baseUrl() {
        return baseUrl;
    }

    private Answer send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
