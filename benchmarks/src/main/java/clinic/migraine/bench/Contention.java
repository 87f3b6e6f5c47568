package clinic.migraine.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.migraine.testsupport.Api;
import org.HdrHistogram.Histogram;

/**
 * Many schedulers at once after the same few slots: each round releases all clients together, each asking for
 * one of the free slots; exactly one booking per slot may succeed, the rest are told the slot is taken.
 */
final class Contention {

    record Result(int rounds, int clients, int slots, List<Integer> bookingsPerRound, int otherAnswers,
            Percentiles latency) {
    }

    static Result run(Api scheduling, String providerId, int rounds, int clients, int slots) throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        List<Integer> bookings = new ArrayList<>();
        int other = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < rounds; round++) {
                LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(120 + round);
                List<String> starts = scheduling.get("/api/slots?from=" + day + "&to=" + day.plusDays(3)
                        + "&providerId=" + providerId).read("$[*].start");
                List<String> targets = starts.subList(0, Math.min(slots, starts.size()));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    String start = OffsetDateTime.parse(targets.get(client % targets.size())).toInstant().toString();
                    answers.add(pool.submit(() -> {
                        go.await();
                        long began = System.nanoTime();
                        Api.Answer answer = scheduling.post("/api/appointments", """
                                {"referralId": "%s", "cycle": 1, "start": "%s", "providerId": "%s"}"""
                                .formatted(UUID.randomUUID(), start, providerId));
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - began) / 1000);
                        }
                        return answer;
                    }));
                }
                go.countDown();
                int booked = 0;
                for (Future<Api.Answer> answer : answers) {
                    int status = answer.get().status();
                    if (status == 201) {
                        booked++;
                    } else if (status != 409) {
                        other++;
                    }
                }
                bookings.add(booked);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(rounds, clients, slots, bookings, other, Percentiles.ofMicros(latency));
    }

    private Contention() {
    }
}
