package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import clinic.migraine.scheduling.SchedulingApplication;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RealPostgres;
import clinic.migraine.testsupport.RealSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of the service on one database and one broker, over real HTTP: a scheduler watching the board on
 * instance B sees a booking made through instance A as it happens, and each page sees each change once.
 */
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 6)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
class LiveFeedAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    private static final String PROVIDER = "prov-1";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private ConfigurableApplicationContext second;
    private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(SchedulingApplication.class).profiles("local").run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers);
    }

    @AfterEach
    void stop() {
        streams.forEach(Stream::close);
        second.close();
    }

    @Test
    void aBookingMadeThroughOneInstanceReachesTheBoardWatchingTheOtherOnce() {
        Api a = new Api("http://localhost:" + port).as("scheduler");
        Api b = new Api("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort())
                .as("scheduler");
        List<String> onA = watch(a);
        List<String> onB = watch(b);

        UUID first = book(a, freeSlot(a, 130, 0));
        await().atMost(WAIT).until(() -> mentions(onB, first) == 1);

        UUID next = book(b, freeSlot(b, 130, 1));
        await().atMost(WAIT).until(() -> mentions(onA, next) == 1 && mentions(onB, next) == 1);
        // one listener per instance sends the changes in commit order: the first booking came before the next
        assertThat(mentions(onA, first)).isEqualTo(1);
        assertThat(mentions(onB, first)).isEqualTo(1);
        assertThat(onB).contains("event:booked");
    }

    /** The lines of the instance's live feed as they arrive, read by a thread of their own. */
    private List<String> watch(Api instance) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/appointments/stream"))
                .header("Authorization", instance.authorization()).header("Accept", "text/event-stream").build();
        Stream<String> body;
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        } catch (IOException e) {
            throw new AssertionError("no live feed on " + instance.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        streams.add(body);
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        }, "live-feed-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static long mentions(List<String> lines, UUID appointment) {
        return lines.stream().filter(line -> line.startsWith("data:") && line.contains(appointment.toString())).count();
    }

    private static UUID book(Api instance, String start) {
        Api.Answer booked = instance.post("/api/appointments", "{\"referralId\":\"" + UUID.randomUUID()
                + "\",\"cycle\":1,\"start\":\"" + start + "\",\"providerId\":\"" + PROVIDER + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return UUID.fromString(booked.read("$.id"));
    }

    private static String freeSlot(Api instance, int daysAhead, int n) {
        Api.Answer slots = instance.get("/api/slots?from=" + LocalDate.now(CLINIC).plusDays(daysAhead) + "&to="
                + LocalDate.now(CLINIC).plusDays(daysAhead + 7) + "&providerId=" + PROVIDER);
        assertThat(slots.status()).isEqualTo(200);
        return slots.read("$[" + n + "].start");
    }
}
