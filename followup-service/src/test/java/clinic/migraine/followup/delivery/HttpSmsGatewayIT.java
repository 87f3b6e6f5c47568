package clinic.migraine.followup.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio-style gateway against a real local HTTP server. */
class HttpSmsGatewayIT {

    private HttpServer server;
    private final List<String> forms = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/Messages.json", exchange -> {
            forms.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/Messages.json", "AC123",
                "secret", "+13105550199");
    }

    @Test
    void postsToFromAndBodyWithBasicCredentials() {
        gateway().send("+13105550100", "Reminder: your visit on Tuesday");

        assertThat(forms).containsExactly("To=+13105550100&From=+13105550199&Body=Reminder: your visit on Tuesday");
        assertThat(authorizations).containsExactly("Basic "
                + Base64.getEncoder().encodeToString("AC123:secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serverErrorsAndThrottlingAreRetryableRefusalsAreNot() {
        status.set(500);
        assertThatThrownBy(() -> gateway().send("+13105550100", "x"))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        status.set(429);
        assertThatThrownBy(() -> gateway().send("+13105550100", "x"))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        status.set(400);
        assertThatThrownBy(() -> gateway().send("+13105550100", "x"))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void anUnreachableGatewayIsRetryable() {
        HttpSmsGateway gateway = gateway();
        server.stop(0);

        assertThatThrownBy(() -> gateway.send("+13105550100", "x"))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
