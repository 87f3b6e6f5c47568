package clinic.migraine.followup.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A Twilio-style gateway: a form POST of To, From and Body with HTTP Basic credentials. */
public class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final String from;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpSmsGateway(String url, String username, String password, String from) {
        this.url = URI.create(url);
        this.from = from;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(String toE164, String body) {
        String form = "To=" + encode(toE164) + "&From=" + encode(from) + "&Body=" + encode(body);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("SMS gateway unreachable", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new DeliveryException("SMS gateway answered HTTP " + status, status == 429 || status >= 500, null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
