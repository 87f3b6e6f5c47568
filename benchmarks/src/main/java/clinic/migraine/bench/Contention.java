package clinic.migraine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.testsupport.Api;
import org.HdrHistogram.Histogram;

/**
 * Schedulers competing for the same few slots through the scheduling API ({@code POST /api/appointments} with
 * referral, cycle, start and provider: a scheduler books a specific slot). Each round lists the free slots of
 * one day far ahead, releases all clients at once, each asking for one of the first {@code slots} slots (several
 * clients per slot); exactly one booking per slot may succeed (201), the others must be told it is taken (409).
 * Before the rounds, one client books as many slots of a later day one after another, nobody else asking: what one
 * booking costs, so the rounds' latency can be read as service time plus queueing.
 */
final class Contention {

    /**
     * @param alone one client booking {@code slots} free slots one after another, nobody else asking: the service
     *        time of one booking, against which the rounds' latency is queueing
     * @param cpuMillisPerRequest CPU milliseconds each process used per request of the rounds (from the release of
     *        a round's clients until its last answer, all rounds together)
     */
    record Result(int rounds, int clients, int slots, List<Integer> bookingsPerRound, List<Integer> conflictsPerRound,
            int otherAnswers, boolean exactlyOnePerSlot, Percentiles latency, Percentiles bookedLatency,
            Percentiles alone, Map<String, Double> cpuMillisPerRequest) {
    }

    private static final Pattern START = Pattern.compile("\"start\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, long micros) {
    }

    static Result run(String schedulingUrl, String providerId, int rounds, int clients, int slots, ProcessCpu cpu)
            throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        Histogram bookedLatency = new Histogram(3_600_000_000L, 3);
        List<Integer> bookings = new ArrayList<>();
        List<Integer> conflicts = new ArrayList<>();
        int other = 0;
        Histogram alone = new Histogram(3_600_000_000L, 3);
        // a day after the rounds' days: the same path, one request at a time
        for (String start : freeSlots(schedulingUrl, providerId, LocalDate.now(ZoneOffset.UTC).plusDays(150 + rounds),
                slots)) {
            long began = System.nanoTime();
            int status = HTTP.send(booking(schedulingUrl, start, providerId), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            alone.recordValue((System.nanoTime() - began) / 1000);
            if (status != 201) {
                other++;
            }
        }
        Map<String, Double> cpuUsed = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < rounds; round++) {
                // far beyond what the pipeline booked, within the 182-day horizon
                LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(150 + round);
                List<String> targets = freeSlots(schedulingUrl, providerId, day, slots);
                CountDownLatch ready = new CountDownLatch(clients);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    HttpRequest request = booking(schedulingUrl, targets.get(client % targets.size()), providerId);
                    answers.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        long began = System.nanoTime();
                        int status;
                        try {
                            status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        } catch (IOException e) {
                            status = 0;
                        }
                        return new Answer(status, (System.nanoTime() - began) / 1000);
                    }));
                }
                ready.await();
                Map<String, Double> before = cpu.snapshot();
                go.countDown();
                int booked = 0;
                int taken = 0;
                List<Answer> answered = new ArrayList<>();
                for (Future<Answer> future : answers) {
                    answered.add(future.get());
                }
                ProcessCpu.difference(before, cpu.snapshot()).forEach((process, seconds) -> cpuUsed.merge(process,
                        seconds, Double::sum));
                for (Answer answer : answered) {
                    latency.recordValue(answer.micros());
                    if (answer.status() == 201) {
                        booked++;
                        bookedLatency.recordValue(answer.micros());
                    } else if (answer.status() == 409) {
                        taken++;
                    } else {
                        other++;
                    }
                }
                bookings.add(booked);
                conflicts.add(taken);
                Benchmarks.log("  round %d: %d booked, %d told the slot is taken", round + 1, booked, taken);
            }
        } finally {
            pool.shutdownNow();
        }
        int expected = Math.min(slots, clients);
        boolean exact = other == 0 && bookings.stream().allMatch(b -> b == expected)
                && conflicts.stream().allMatch(c -> c == clients - expected);
        Map<String, Double> perRequest = new LinkedHashMap<>();
        cpuUsed.forEach((process, seconds) -> perRequest.put(process,
                Math.round(seconds * 1000 / Math.max(1, rounds * clients) * 100) / 100.0));
        return new Result(rounds, clients, slots, bookings, conflicts, other, exact, Percentiles.ofMicros(latency),
                Percentiles.ofMicros(bookedLatency), Percentiles.ofMicros(alone), perRequest);
    }

    /** A scheduler's booking of one slot for a new referral's first cycle. */
    private static HttpRequest booking(String schedulingUrl, String start, String providerId) {
        String body = """
                {"referralId": "%s", "cycle": 1, "start": "%s", "providerId": "%s"}"""
                .formatted(UUID.randomUUID(), start, providerId);
        return HttpRequest.newBuilder(URI.create(schedulingUrl + "/api/appointments"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", AS_SCHEDULER)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The local profile's demo scheduler, as a scheduler's client would sign in. */
    private static final String AS_SCHEDULER = Api.basic("scheduler", Api.DEMO_PASSWORD);

    /** The first free slots of the provider on that day, as instants the booking API takes. */
    private static List<String> freeSlots(String schedulingUrl, String providerId, LocalDate day, int slots)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(schedulingUrl + "/api/slots?from="
                + day + "&to=" + day.plusDays(1) + "&providerId=" + providerId)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AS_SCHEDULER).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        List<String> starts = new ArrayList<>();
        Matcher start = START.matcher(answer.body());
        while (start.find() && starts.size() < slots) {
            starts.add(OffsetDateTime.parse(start.group(1)).toInstant().toString());
        }
        if (answer.statusCode() != 200 || starts.size() < slots) {
            throw new IllegalStateException("need " + slots + " free slots of " + providerId + " on " + day + ", got "
                    + answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
        return starts;
    }

    private Contention() {
    }
}
