package clinic.migraine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** report.md (summary table first), report.json (every figure) and two PNG charts. */
final class Report {

    static final double RATIO_TARGET = 0.025;
    static final double P99_TARGET_MILLIS = 1000;
    static final int P99_TARGET_RATE = 100;
    static final int SUSTAINED_TARGET_RATE = 250;
    static final String P99_TARGET_TEXT = "p99 ≤ %.0f ms, sustained, no error".formatted(P99_TARGET_MILLIS);
    static final double BOOKING_P99_TARGET_MILLIS = 50;
    static final double SERVICE_READY_TARGET_SECONDS = 8;
    static final double SERVICE_RSS_TARGET_MEGABYTES = 300;
    static final double STACK_READY_TARGET_SECONDS = 20;

    static final String LATENCY_CHART = "latency-by-rate.png";
    static final String EVENTS_CHART = "events-by-rate.png";
    static final String REMINDER_CHART = "reminder-dispatch.png";

    static void write(Benchmarks.Results results, Path output) throws IOException {
        Files.createDirectories(output);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules()
                .writeValue(output.resolve("report.json").toFile(), results);
        latencyChart(results, output.resolve(LATENCY_CHART));
        eventsChart(results, output.resolve(EVENTS_CHART));
        reminderChart(results, output.resolve(REMINDER_CHART));
        Files.writeString(output.resolve("report.md"), markdown(results));
    }

    /** The highest sustained rate, if any rate was sustained. */
    static Optional<Pipeline.Step> bestSustained(Benchmarks.Results r) {
        return r.pipeline().stream().filter(Pipeline.Step::sustained)
                .max((a, b) -> Integer.compare(a.offeredPerSecond(), b.offeredPerSecond()));
    }

    static String markdown(Benchmarks.Results r) {
        List<String> md = new ArrayList<>();
        md.add("# Benchmark report: " + r.plan().name() + " run, " + r.date().substring(0, 10));
        md.add("");
        md.add("| measure | result | target | verdict |");
        md.add("|---|---|---|---|");
        md.add(row("run", r.date().substring(0, 19).replace('T', ' ') + " UTC, " + r.plan().name() + " plan, "
                + "%.0f s in all".formatted(r.runSeconds()), "", ""));
        md.add(row("machine", r.machine() + "; the system and the load generator share it", "", ""));
        Reference.Result ref = r.reference();
        md.add(row("reference: raw Kafka producer, acks=all, idempotent, " + ref.recordBytes() + " B records (a "
                + r.eventSize().event() + " as our serde writes it)", "**%s records/s** produced, %s consumed"
                .formatted(n(ref.producedPerSecond()), n(ref.consumedPerSecond())), "", ""));
        md.add(row("reference: produce → consume at " + n(ref.fixedRate()) + " records/s (open loop) p50 / p99",
                "%s / %s ms".formatted(ms(ref.endToEndAtFixedRate().p50()), ms(ref.endToEndAtFixedRate().p99())), "", ""));
        Optional<Pipeline.Step> best = bestSustained(r);
        md.add(row("pipeline: highest sustained rate (every referral booked, no HTTP error, lag bounded while sending, "
                + "drained within %.0f s)".formatted(Verdicts.GRACE_SECONDS), best.map(s -> "**%d referrals/s** (%s events/s)"
                .formatted(s.offeredPerSecond(), n(s.eventsPerSecond()))).orElse("**none sustained**"),
                "≥ " + SUSTAINED_TARGET_RATE + " referrals/s", verdict(best.isPresent()
                        && best.get().offeredPerSecond() >= SUSTAINED_TARGET_RATE)));
        Pipeline.Step saturation = r.saturation();
        boolean saturated = Verdicts.saturated(saturation);
        md.add(row("pipeline at saturation: events/s over all topics (%s referrals offered at %d/s)".formatted(
                n(saturation.submitted()), saturation.offeredPerSecond()), "**%s events/s**, %s referrals booked/s%s"
                .formatted(n(saturation.eventsPerSecond()), saturation.bookedPerSecond(), saturated ? ""
                        : " (not saturated: the offered rate was within capacity, so this is a lower bound)"), "", ""));
        double ratio = ref.producedPerSecond() <= 0 ? 0 : saturation.eventsPerSecond() / ref.producedPerSecond();
        md.add(row("pipeline at saturation ÷ reference", "%.2f %%".formatted(ratio * 100), "≥ " + percent(RATIO_TARGET),
                verdict(ratio >= RATIO_TARGET)));
        for (Pipeline.Step s : r.pipeline()) {
            if (s.offeredPerSecond() == P99_TARGET_RATE) {
                md.add(row("planned send → booked at " + s.offeredPerSecond() + " referrals/s: p50 / p95 / p99 (max)",
                        all(s.plannedToBooked()), P99_TARGET_TEXT, p99Verdict(s)));
            }
        }
        if (r.pipeline().stream().noneMatch(s -> s.offeredPerSecond() == P99_TARGET_RATE)) {
            String why = r.ratesSkipped().contains(P99_TARGET_RATE)
                    ? "skipped: a lower rate did not drain within " + r.plan().drainSeconds() + " s"
                    : "not run in this plan (rates " + r.plan().rates().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + "; each rate's verdict is in the table below)";
            md.add(row("planned send → booked at " + P99_TARGET_RATE + " referrals/s: p99", why, P99_TARGET_TEXT,
                    r.ratesSkipped().contains(P99_TARGET_RATE) ? "MISS" : "n/a"));
        }
        idleRow(md, r.idle());
        if (r.replicas() != null) {
            Replicas.Result rep = r.replicas();
            Pipeline.Step one = rep.single().get(rep.single().size() - 1);
            Pipeline.Step more = rep.replicated().get(rep.replicated().size() - 1);
            md.add(row("1 vs %d instances of each service at saturation: events/s; CPU s per 1,000 referrals, all processes"
                    .formatted(rep.instances()), "%s → %s events/s; %.1f → %.1f CPU s".formatted(n(one.eventsPerSecond()),
                            n(more.eventsPerSecond()), cpuTotal(one), cpuTotal(more)), "", ""));
        }
        Benchmarks.Accounting a = r.accounting();
        md.add(row("every accepted referral booked, once", "%d accepted, %d booked, %d booked twice; intake shows %d "
                .formatted(a.referralsAccepted(), a.referralsBooked(), a.bookedTwice(), a.intakeScheduled())
                + "SCHEDULED; " + (a.secondsToSettle() < 0 ? "backlog not cleared" : "backlog cleared %.0f s after "
                .formatted(a.secondsToSettle()) + "the last rate"), "all, once", verdict(a.everyReferralBooked())));
        Contention.Result c = r.contention();
        md.add(row("contention: " + c.clients() + " clients on " + c.slots() + " slots, " + c.rounds() + " rounds",
                "bookings per round " + c.bookingsPerRound() + ", taken (409) " + c.conflictsPerRound()
                        + (c.otherAnswers() > 0 ? ", other answers " + c.otherAnswers() : ""),
                "exactly " + c.slots() + " per round", verdict(c.exactlyOnePerSlot())));
        md.add(row("contention: booking latency p50 / p99 (max)", "%s / %s ms (%s)".formatted(ms(c.latency().p50()),
                ms(c.latency().p99()), ms(c.latency().max())), "p99 ≤ 50 ms",
                verdict(c.latency().count() > 0 && c.latency().p99() <= BOOKING_P99_TARGET_MILLIS)));
        for (Benchmarks.Footprint f : services(r)) {
            md.add(row(f.component() + ": time to ready", f.secondsToReady() < 0 ? "unknown" : "%.1f s"
                    .formatted(f.secondsToReady()), "≤ %.0f s".formatted(SERVICE_READY_TARGET_SECONDS), verdict(f.secondsToReady() >= 0
                    && f.secondsToReady() <= SERVICE_READY_TARGET_SECONDS)));
            md.add(row(f.component() + ": RSS after the pipeline run", "%.0f MB (%d MiB)".formatted(f.rssMegabytes(),
                    f.rssMebibytes()), "≤ 300 MB", verdict(f.rssMebibytes() >= 0
                    && f.rssMegabytes() <= SERVICE_RSS_TARGET_MEGABYTES)));
        }
        md.add(row("whole stack: time to ready (broker, registry, Postgres, mail, four services)", "%.1f s"
                .formatted(r.setup().stackReadySeconds()), "≤ %.0f s".formatted(STACK_READY_TARGET_SECONDS),
                verdict(r.setup().stackReadySeconds() <= STACK_READY_TARGET_SECONDS)));
        Reminders.Result m = r.reminders();
        md.add(row("reminders at scale: %s planned, %s due at one instant; handed to SMTP within 60 s of due"
                .formatted(n(m.planned()), n(m.due())), "**%s of %s** (%s in all within %.0f s, last after %.1f s, %s/s)"
                .formatted(n(m.withinMinute()), n(m.due()), n(m.delivered()), (double) r.plan().reminderWaitSeconds(),
                        m.secondsUntilLast(), n(m.sendsPerSecond())), "all within 60 s", verdict(m.complete()
                        && m.withinMinute() == m.due())));
        md.add(row("reminders at scale: due → at the sink p50 / p95 / p99 (max)", "%s / %s / %s ms (%s)".formatted(
                ms(m.dueToSink().p50()), ms(m.dueToSink().p95()), ms(m.dueToSink().p99()), ms(m.dueToSink().max())),
                "", ""));
        md.add(row("reminders at scale: sent twice / sent to someone not due / sent before due",
                m.twice() + " / " + m.stray() + " / " + m.early(), "0 / 0 / 0",
                verdict(m.twice() == 0 && m.stray() == 0 && m.early() == 0)));
        md.add(row("reminders at scale: follow-up's heap while dispatching (most used / limit, " + Reminders.HEAP_LIMIT
                + " for this scenario)", "%d MiB / %d MiB".formatted(m.heapUsedMaxMebibytes(), m.heapMaxMebibytes())
                + (m.heapMaxMebibytes() * Reminders.MEBIBYTE > Reminders.HEAP_TARGET_MEGABYTES ? ""
                        : " (limit not above the target: the check cannot fail)"), "≤ 512 MB",
                verdict(m.heapWithinTarget())));
        md.add(row("reminders at scale: the store afterwards", m.storeStates().toString(), "due SENT, the rest PLANNED",
                verdict(m.storeStates().getOrDefault("due SENT", 0L) == m.due() && m.storeStates()
                        .getOrDefault("not due PLANNED", 0L) == m.planned() - m.due() && m.storeStates().size() == 2)));
        md.add("");
        md.add(("Sustained: every referral sent was accepted (no HTTP error, no answer missing) and booked; the "
                + "services' consumer groups' total lag, sampled every second while sending, never above %.0f s of "
                + "the offered work (rate × %.1f records the groups read per referral, measured in the warm-up; at "
                + "least %d); and every referral booked and every group caught up within %.0f s of the last send. "
                + "Latency verdicts run from each referral's planned send instant (open loop: intake's own queue "
                + "counts), need a sustained rate without errors, and fail on any negative time (a harness bug, never "
                + "clamped to 0). Events/s: records added to all event topics (sum of end offsets before and after) ÷ "
                + "the time from the first send until done; the ratio to raw Kafka uses the saturation step, offered "
                + "well above capacity, so it is not capped by the offered rate (saturated: it did not drain within "
                + "the grace and took at least as long again as the sending to drain).").formatted(Verdicts.LAG_BOUND_SECONDS, r.lagRecordsPerReferral(),
                Verdicts.LAG_BOUND_FLOOR, Verdicts.GRACE_SECONDS));
        md.add("");

        md.add("## Pipeline by rate");
        md.add("");
        md.add("Referrals (eligible under the `label` policy, each with its own `Idempotency-Key` and e-mail) POSTed "
                + "to intake at a fixed arrival rate for " + r.plan().secondsPerRate() + " s, open loop; each followed "
                + "to its `AppointmentBooked` record. Up to " + r.plan().drainSeconds() + " s after the last send "
                + "for every referral to be booked and the consumer groups to catch up.");
        md.add("");
        md.add("| offered/s | submitted | accepted | HTTP errors | booked | not booked | HTTP answer p50 / p99 ms "
                + "| planned→booked p50 / p95 / p99 / max ms | accepted→booked p99 ms | events | events/referral "
                + "| events/s | lag while sending: most (bound) | backlog when sending ended | drained after last send s "
                + "| sustained | p99 ≤ %.0f ms |".formatted(P99_TARGET_MILLIS));
        md.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Pipeline.Step> all = new ArrayList<>(r.pipeline());
        all.add(r.saturation());
        for (Pipeline.Step s : all) {
            md.add("| %s | %d | %d | %d%s | %d | %d | %s / %s | %s | %s | %d | %s | %s | %d (%d) | %s | %s | %s | %s |"
                    .formatted(s.label().equals("saturation") ? "saturation " + s.offeredPerSecond()
                            : String.valueOf(s.offeredPerSecond()), s.submitted(), s.accepted(), s.httpErrors(),
                            s.errorKinds().isEmpty() ? "" : " " + s.errorKinds(), s.booked(), s.notBooked(),
                            ms(s.httpResponse().p50()), ms(s.httpResponse().p99()), all(s.plannedToBooked()),
                            ms(s.acceptedToBooked().p99()), s.events(), s.eventsPerReferral(), n(s.eventsPerSecond()),
                            s.maxLagWhileSending(), s.lagBound(), backlog(s), s.secondsAfterLastSend() < 0
                                    ? "not drained (lag " + s.lagAtEnd() + ")" : String.valueOf(s.secondsAfterLastSend()),
                            s.sustained() ? "yes" : "no: " + String.join("; ", s.sustainedVerdict().reasons()),
                            p99Verdict(s)));
        }
        if (!r.ratesSkipped().isEmpty()) {
            md.add("");
            md.add("Skipped rates " + r.ratesSkipped() + ": the rate before them did not drain within the drain time, "
                    + "so a higher rate would only have measured the same backlog for longer.");
        }
        md.add("");
        md.add("Warm-up before anything was measured: %d referral(s) at %d/s, %d booked (not counted above); the "
                .formatted(r.warmup().submitted(), r.warmup().offeredPerSecond(), r.warmup().booked())
                + "services' consumer groups read %.1f records per referral.".formatted(r.lagRecordsPerReferral()));
        md.add("Capacity is not the limit: the benchmark clinic has " + r.setup().clinic() + ", about "
                + n(r.setup().clinicSlots()) + " slots, " + n((double) r.setup().clinicSlots()
                        / Math.max(1, r.plan().rates().stream().mapToInt(x -> x * r.plan().secondsPerRate()).sum()))
                + " times the referrals offered (the demo clinic has two injectors and about 5,000 slots).");
        md.add("");
        md.add("![planned send → booked by rate](" + LATENCY_CHART + ") ![events per second by rate](" + EVENTS_CHART + ")"
                + " ![reminders handed to SMTP after their due instant](" + REMINDER_CHART + ")");
        md.add("");

        cpu(md, all);
        idleSection(md, r.idle());
        if (r.replicas() != null) {
            replicasSection(md, r.replicas());
        }
        md.add("## Reference");
        md.add("");
        md.add("| phase | records | produced/s | consumed/s | produce → consume p50 / p95 / p99 / max ms |");
        md.add("|---|---|---|---|---|");
        md.add("| as fast as possible | %s | %s | %s | %s |".formatted(n(ref.records()), n(ref.producedPerSecond()),
                n(ref.consumedPerSecond()), all(ref.endToEndAtFullSpeed())));
        md.add("| fixed %s records/s, open loop | %s | | | %s |".formatted(n(ref.fixedRate()), n(ref.fixedRateRecords()),
                all(ref.endToEndAtFixedRate())));
        md.add("");
        md.add("Record size: a " + r.eventSize().event() + " from the warm-up read back and written again with the "
                + "project's serde: " + r.eventSize().serializedBytes() + " B (" + r.eventSize().onTopicBytes()
                + " B on the topic). Latency runs from each record's planned send instant to its arrival at the "
                + "consumer; at full speed it is mostly the producer's own queue.");
        md.add("");

        md.add("## Booking contention");
        md.add("");
        md.add("Each round lists one provider's free slots on a day ~150 days ahead and releases " + c.clients()
                + " clients at once, each `POST /api/appointments` for one of the first " + c.slots() + " slots. "
                + "Latency is each request's response time (booked and refused alike); booked only: p50 / p99 "
                + "%s / %s ms.".formatted(ms(c.bookedLatency().p50()), ms(c.bookedLatency().p99())));
        md.add("");
        md.add("One client alone first (" + c.alone().count() + " bookings of a later day, one after another): p50 / "
                + "max %s / %s ms: one booking's service time; the rest of the rounds' latency is waiting.".formatted(
                        ms(c.alone().p50()), ms(c.alone().max())));
        double answerPath = c.cpuMillisPerRequest().getOrDefault("scheduling-service", 0.0)
                + c.cpuMillisPerRequest().getOrDefault("postgres", 0.0);
        int cores = Runtime.getRuntime().availableProcessors();
        md.add("CPU milliseconds per request of the rounds, by process (the other services and the broker: the "
                + "booked appointments' events): " + c.cpuMillisPerRequest().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ". Scheduling and Postgres, the answer's path, use %s ms per "
                .formatted(ms(answerPath)) + "request: %d requests at once on %d cores cannot all be answered in "
                .formatted(c.clients(), cores) + "less than %s ms.".formatted(ms(c.clients() * answerPath / cores)));
        md.add("");

        md.add("## Footprint");
        md.add("");
        md.add("| component | pid | time to ready s | RSS MiB |");
        md.add("|---|---|---|---|");
        for (Benchmarks.Footprint f : r.footprint()) {
            md.add("| %s | %d | %s | %d |".formatted(f.component(), f.pid(),
                    f.secondsToReady() < 0 ? "" : "%.1f".formatted(f.secondsToReady()), f.rssMebibytes()));
        }
        md.add("");
        md.add("Services run with `" + String.join(" ", r.setup().serviceJvm()) + "` (as ./run-local), class-data "
                + "archive: " + r.setup().classData() + ". Time to ready: the JVM's uptime at Spring Boot's \"Started\" "
                + "line; the four services start together on the shared cores. Whole stack: from launch until every "
                + "service's health is UP (infrastructure alone: %.1f s).".formatted(r.setup().infrastructureReadySeconds()));
        md.add("");
        md.add("Every figure: `report.json`.");
        return String.join("\n", md) + "\n";
    }

    /** Where the time goes: each process's CPU seconds per 1,000 referrals, by rate. */
    private static void cpu(List<String> md, List<Pipeline.Step> steps) {
        md.add("## CPU by process");
        md.add("");
        md.add("CPU seconds (user + system, from `/proc/<pid>/stat`) per 1,000 accepted referrals, from the first send "
                + "of a rate until it was done. Postgres: the postmaster and every process below it. Mail: the "
                + "GreenMail threads inside the load generator's JVM; load generator: that JVM without them (the HTTP "
                + "client, the booked-record consumer, the lag sampler). Cores busy: all of it ÷ the rate's wall "
                + "time. Per-process CPU does not count other work on a shared machine, but contention for the cores "
                + "still changes it.");
        md.add("");
        md.add("| offered/s | " + String.join(" | ", ProcessCpu.COMPONENTS) + " | all | cores busy |");
        md.add("|---|" + "---|".repeat(ProcessCpu.COMPONENTS.size() + 2));
        for (Pipeline.Step s : steps) {
            Map<String, Double> per = s.cpuSecondsPerThousand();
            if (per.isEmpty()) {
                continue;
            }
            double sum = per.values().stream().mapToDouble(Double::doubleValue).sum();
            double busy = s.secondsUntilDone() <= 0 ? 0
                    : s.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum() / s.secondsUntilDone();
            md.add("| " + (s.label().equals("saturation") ? "saturation " : "") + s.offeredPerSecond() + " | "
                    + ProcessCpu.COMPONENTS.stream().map(c -> per.containsKey(c) ? "%.1f".formatted(per.get(c)) : "")
                            .collect(Collectors.joining(" | "))
                    + " | %.1f | %.2f |".formatted(sum, busy));
        }
        md.add("");
    }

    /** The idle stack's summary row: p50 / max of the sequential referrals, the first one apart. */
    static void idleRow(List<String> md, IdleLatency.Result idle) {
        Percentiles p = idle.acceptedToBooked();
        md.add(row("idle stack: accepted → booked p50 / max over %d referrals sent one after another (the first after the start apart)"
                .formatted(idle.referrals()), "**%s / %s ms**; the first %s".formatted(ms(p.p50()), ms(p.max()),
                        idle.first() == null ? "not booked" : ms(idle.first().acceptedToBooked()) + " ms"),
                "≤ %.0f / %.0f ms".formatted(IdleLatency.P50_TARGET_MILLIS, IdleLatency.MAX_TARGET_MILLIS),
                idleVerdict(idle)));
    }

    static String idleVerdict(IdleLatency.Result idle) {
        return idle.verdict().met() ? "PASS" : "MISS: " + String.join("; ", idle.verdict().reasons());
    }

    /** Where an idle referral's time goes, hop by hop. */
    private static void idleSection(List<String> md, IdleLatency.Result idle) {
        md.add("## Idle stack, one referral at a time");
        md.add("");
        md.add(("Right after the start, before anything else: one referral, then %d more, each sent once the one "
                + "before it was booked. Each hop from the timestamps of the referral's records (the producers' send "
                + "instants, the key is the referral id): intake from the POST being sent until its outbox relay "
                + "published ReferralSubmitted; eligibility until EligibilityDetermined was published; scheduling "
                + "until AppointmentBooked was. accepted → booked starts at the instant intake received the referral (the "
                + "`receivedAt` it shows, read once the referral is booked; the 201's arrival here can come after the booking on a busy "
                + "machine).").formatted(idle.referrals()));
        md.add("");
        md.add("| referrals | accepted → booked p50 / p95 / max ms | intake p50 / max ms | eligibility p50 / max ms "
                + "| scheduling p50 / max ms |");
        md.add("|---|---|---|---|---|");
        IdleLatency.Trace first = idle.first();
        if (first != null) {
            md.add("| the first after the start | %d | %d | %d | %d |".formatted(first.acceptedToBooked(),
                    first.intake(), first.eligibility(), first.scheduling()));
        }
        Percentiles p = idle.acceptedToBooked();
        md.add("| the next %d | %s / %s / %s | %s / %s | %s / %s | %s / %s |".formatted(p.count(), ms(p.p50()),
                ms(p.p95()), ms(p.max()), ms(idle.intake().p50()), ms(idle.intake().max()),
                ms(idle.eligibility().p50()), ms(idle.eligibility().max()), ms(idle.scheduling().p50()),
                ms(idle.scheduling().max())));
        md.add("");
    }

    /** The same steps with one instance of each service and with several, side by side. */
    private static void replicasSection(List<String> md, Replicas.Result rep) {
        md.add("## 1 instance vs " + rep.instances() + " of each service");
        md.add("");
        md.add("The first rate and saturation, first with one instance of each service (the rows above), then again at "
                + "the end of the run with " + rep.instances() + " instances of each against the same broker and "
                + "databases (the consumer groups sharing the partitions). CPU s per 1,000 referrals: a service's "
                + "instances together.");
        md.add("");
        md.add("| step | instances | events/s | booked/s | planned→booked p50 / p99 ms | sustained | "
                + String.join(" | ", ProcessCpu.COMPONENTS) + " | all |");
        md.add("|---|---|---|---|---|---|" + "---|".repeat(ProcessCpu.COMPONENTS.size() + 1));
        for (int i = 0; i < rep.single().size(); i++) {
            for (Pipeline.Step s : List.of(rep.single().get(i), rep.replicated().get(i))) {
                Map<String, Double> per = s.cpuSecondsPerThousand();
                md.add("| %s | %d | %s | %s | %s / %s | %s | %s | %.1f |".formatted(s.label().equals("saturation")
                        ? "saturation " + s.offeredPerSecond() + "/s" : s.label(), s == rep.single().get(i) ? 1
                                : rep.instances(), n(s.eventsPerSecond()), s.bookedPerSecond(),
                        ms(s.plannedToBooked().p50()), ms(s.plannedToBooked().p99()), s.sustained() ? "yes" : "no",
                        ProcessCpu.COMPONENTS.stream().map(c -> per.containsKey(c) ? "%.1f".formatted(per.get(c)) : "")
                                .collect(Collectors.joining(" | ")), cpuTotal(s)));
            }
        }
        md.add("");
    }

    private static double cpuTotal(Pipeline.Step s) {
        return s.cpuSecondsPerThousand().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each rate's latency verdict, or why it is not met. */
    static String p99Verdict(Pipeline.Step s) {
        Verdicts.Verdict verdict = Verdicts.p99(s, P99_TARGET_MILLIS);
        return verdict.met() ? "PASS" : "MISS: " + String.join("; ", verdict.reasons());
    }

    private static List<Benchmarks.Footprint> services(Benchmarks.Results r) {
        return r.footprint().stream().filter(f -> f.component().endsWith("-service")).toList();
    }

    private static String backlog(Pipeline.Step s) {
        return s.lagAfterSending().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().replace("-service", "") + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String all(Percentiles p) {
        return "%s / %s / %s / %s".formatted(ms(p.p50()), ms(p.p95()), ms(p.p99()), ms(p.max()));
    }

    private static String percent(double fraction) {
        return "%s %%".formatted(new java.text.DecimalFormat("0.##").format(fraction * 100));
    }

    private static String row(String measure, String result, String target, String verdict) {
        return "| " + measure + " | " + result + " | " + target + " | " + verdict + " |";
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }

    /** Thousands separated, no decimals. */
    private static String n(double value) {
        return "%,.0f".formatted(value);
    }

    private static String ms(double millis) {
        return millis >= 100 ? "%,.0f".formatted(millis) : "%.1f".formatted(millis);
    }

    /** Every chart of the report has the same size. */
    private static XYChart chart(String title, String xAxis, String yAxis, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis)
                .build();
        chart.getStyler().setLegendPosition(legend);
        return chart;
    }

    private static void latencyChart(Benchmarks.Results r, Path file) throws IOException {
        XYChart chart = chart("Planned send → booked latency by arrival rate (" + r.plan().name() + " run)",
                "referrals per second offered", "milliseconds", Styler.LegendPosition.InsideNW);
        List<Double> rates = rates(r);
        series(chart, "p50", rates, r, s -> s.plannedToBooked().p50()).setMarker(SeriesMarkers.CIRCLE);
        series(chart, "p95", rates, r, s -> s.plannedToBooked().p95()).setMarker(SeriesMarkers.SQUARE);
        series(chart, "p99", rates, r, s -> s.plannedToBooked().p99()).setMarker(SeriesMarkers.DIAMOND);
        XYSeries target = chart.addSeries("target p99 at %d/s (%.0f ms)".formatted(P99_TARGET_RATE, P99_TARGET_MILLIS), List.of((double) P99_TARGET_RATE),
                List.of(P99_TARGET_MILLIS));
        target.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        target.setMarker(SeriesMarkers.TRIANGLE_DOWN);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Reminder dispatch lag: how many of the due reminders had reached the SMTP sink, second by second. */
    private static void reminderChart(Benchmarks.Results r, Path file) throws IOException {
        Reminders.Result m = r.reminders();
        XYChart chart = chart("Reminders at the SMTP sink after their due instant (" + n(m.due()) + " due at once)",
                "seconds after the due instant", "reminders delivered", Styler.LegendPosition.InsideSE);
        List<Double> seconds = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        seconds.add(0.0);
        delivered.add(0.0);
        for (int second = 0; second < m.deliveredBySecond().size(); second++) {
            seconds.add(second + 1.0);
            delivered.add((double) m.deliveredBySecond().get(second));
        }
        chart.addSeries("delivered", seconds, delivered).setMarker(SeriesMarkers.NONE);
        double end = Math.max(60, seconds.get(seconds.size() - 1));
        chart.addSeries("all due", List.of(0.0, end), List.of((double) m.due(), (double) m.due()))
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("60 s target", List.of(60.0, 60.0), List.of(0.0, (double) m.due())).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void eventsChart(Benchmarks.Results r, Path file) throws IOException {
        XYChart chart = chart("Events per second over all topics (" + r.plan().name() + " run)",
                "referrals per second offered", "events per second", Styler.LegendPosition.InsideNW);
        List<Double> rates = rates(r);
        series(chart, "pipeline", rates, r, Pipeline.Step::eventsPerSecond).setMarker(SeriesMarkers.CIRCLE);
        series(chart, "offered (events/referral × rate)", rates, r, s -> s.eventsPerReferral() * s.offeredPerSecond())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("at saturation (" + r.saturation().offeredPerSecond() + "/s offered)",
                List.of(rates.get(0), rates.get(rates.size() - 1)), List.of(r.saturation().eventsPerSecond(),
                        r.saturation().eventsPerSecond())).setMarker(SeriesMarkers.NONE);
        double target = r.reference().producedPerSecond() * RATIO_TARGET;
        chart.addSeries(percent(RATIO_TARGET) + " of raw Kafka (" + n(target) + "/s)", List.of(rates.get(0), rates.get(rates.size() - 1)),
                List.of(target, target)).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<Double> rates(Benchmarks.Results r) {
        List<Double> rates = r.pipeline().stream().map(s -> (double) s.offeredPerSecond()).toList();
        return rates.isEmpty() ? List.of(0.0) : rates;
    }

    private static XYSeries series(XYChart chart, String name, List<Double> rates, Benchmarks.Results r,
            Function<Pipeline.Step, Double> value) {
        List<Double> values = r.pipeline().stream().map(value).toList();
        return chart.addSeries(name, rates, values.isEmpty() ? List.of(0.0) : values);
    }

    private Report() {
    }
}
