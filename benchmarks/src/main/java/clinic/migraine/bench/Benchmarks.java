package clinic.migraine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import clinic.migraine.stack.Directories;
import clinic.migraine.stack.ManagedProcess;
import clinic.migraine.stack.ServiceProcess;
import clinic.migraine.stack.Stack;
import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.RunningSystem;

/**
 * {@code ./run-benchmarks [--quick]}: starts the whole system on free ports, then measures in one run the raw
 * Kafka reference, the pipeline at rising arrival rates, booking contention and the footprint, stops the system
 * and writes {@code target/benchmarks/report.md}, {@code report.json} and PNG charts.
 *
 * <p>Options: {@code --quick}, {@code --rates=25,50}, {@code --seconds=N} (per rate), {@code --rounds=N}
 * (contention), {@code --replicas=2} (the first rate and saturation again with two instances of each service),
 * {@code --output=DIR}, {@code --service-jvm="-Xmx256m ..."}, {@code --no-cds} (start the services
 * from their jars instead of the extracted jars with a class-data archive, as ./run-local does).
 */
public final class Benchmarks {

    /**
     * What one run does; {@link #quick()} and {@link #full()} are the two documented sizes.
     *
     * @param warmupReferrals sent at 10/s before anything is measured, waited for, not counted
     * @param referenceRecords records the raw producer sends as fast as it can
     * @param referenceLatencyRate the fixed rate of the raw-Kafka latency phase (records/s)
     * @param providers injectors in the benchmark clinic, each working every day around the clock
     * @param saturationRate an offered rate well above capacity, for the pipeline's events/s at saturation
     * @param saturationReferrals how many referrals are sent at that rate
     * @param idleReferrals sent one after another on the idle stack right after its start (after a first one that is
     *        reported apart), each once the one before it is booked
     * @param replicas 1, or the instances of each service in a second pipeline measurement at the first rate and
     *        at saturation, side by side with one instance ({@code --replicas=2})
     */
    public record Plan(String name, int warmupReferrals, int referenceRecords, int referenceLatencyRate,
            int referenceLatencySeconds, List<Integer> rates, int secondsPerRate, int drainSeconds,
            int contentionRounds, int contentionClients, int contentionSlots, int providers, int reminderPlanned,
            int reminderDue, int reminderWaitSeconds, int saturationRate, int saturationReferrals, int idleReferrals,
            int replicas) {

        public static Plan quick() {
            return new Plan("quick", 20, 50_000, 1_000, 5, List.of(25, 50, 100), 10, 60, 3, 50, 10, 12, 100_000, 10_000,
                    180, 200, 600, 50, 1);
        }

        public static Plan full() {
            return new Plan("full", 100, 300_000, 1_000, 15, List.of(25, 50, 100, 200, 400), 30, 180, 20, 50, 10,
                    40, 1_000_000, 100_000, 900, 800, 4_000, 50, 1);
        }

        /**
         * Tiny numbers for the smoke test: 1 + 3 referrals one after another on the idle stack, one rate of 5/s for
         * 3 s, 20 referrals at 20/s for saturation, one contention round of 5 clients on 2 slots, 2,000 planned
         * reminders of which 200 are due.
         */
        public static Plan smoke() {
            return new Plan("smoke", 1, 2_000, 200, 1, List.of(5), 3, 60, 1, 5, 2, 2, 2_000, 200, 90, 20, 20, 3, 1);
        }

        Plan withRates(List<Integer> newRates) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds,
                    newRates, secondsPerRate, drainSeconds, contentionRounds, contentionClients, contentionSlots,
                    providers, reminderPlanned, reminderDue, reminderWaitSeconds, saturationRate, saturationReferrals,
                    idleReferrals, replicas);
        }

        Plan withSeconds(int seconds) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds, rates,
                    seconds, drainSeconds, contentionRounds, contentionClients, contentionSlots, providers,
                    reminderPlanned, reminderDue, reminderWaitSeconds, saturationRate, saturationReferrals,
                    idleReferrals, replicas);
        }

        Plan withReminders(int planned, int due) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds, rates,
                    secondsPerRate, drainSeconds, contentionRounds, contentionClients, contentionSlots, providers,
                    planned, due, reminderWaitSeconds, saturationRate, saturationReferrals,
                    idleReferrals, replicas);
        }

        Plan withRounds(int rounds) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds, rates,
                    secondsPerRate, drainSeconds, rounds, contentionClients, contentionSlots, providers,
                    reminderPlanned, reminderDue, reminderWaitSeconds, saturationRate, saturationReferrals,
                    idleReferrals, replicas);
        }

        Plan withReplicas(int instances) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds, rates,
                    secondsPerRate, drainSeconds, contentionRounds, contentionClients, contentionSlots, providers,
                    reminderPlanned, reminderDue, reminderWaitSeconds, saturationRate, saturationReferrals,
                    idleReferrals, instances);
        }

        Plan withSaturation(int rate, int referrals) {
            return new Plan(name, warmupReferrals, referenceRecords, referenceLatencyRate, referenceLatencySeconds, rates,
                    secondsPerRate, drainSeconds, contentionRounds, contentionClients, contentionSlots, providers,
                    reminderPlanned, reminderDue, reminderWaitSeconds, rate, referrals,
                    idleReferrals, replicas);
        }
    }

    /** How the system under test was started. {@code classData}: "off", "recorded this run" or "used". */
    public record Setup(List<String> serviceJvm, String classData, String clinic, long clinicSlots,
            double stackReadySeconds, double infrastructureReadySeconds) {
    }

    public record Footprint(String component, long pid, double secondsToReady, long rssMebibytes) {

        double rssMegabytes() {
            return rssMebibytes * 1.048576;
        }
    }

    /** The intake's own count of scheduled referrals against the bookings seen on the topic. */
    public record Accounting(int referralsAccepted, int referralsBooked, long bookedTwice, long intakeScheduled,
            boolean everyReferralBooked, double secondsToSettle) {
    }

    public record Results(String date, String machine, Plan plan, Setup setup, IdleLatency.Result idle,
            EventSize.Measured eventSize, Reference.Result reference, Pipeline.Step warmup, double lagRecordsPerReferral, List<Pipeline.Step> pipeline,
            List<Integer> ratesSkipped, Pipeline.Step saturation, Accounting accounting, Contention.Result contention, List<Footprint> footprint, Reminders.Result reminders,
            Replicas.Result replicas, double runSeconds) {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Plan plan = options.contains("--quick") ? Plan.quick() : Plan.full();
        Path output = Path.of("target/benchmarks");
        List<String> jvm = null;
        boolean classData = true;
        boolean onlyReminders = false;
        for (String option : options) {
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1).trim() : "";
            if (option.startsWith("--rates=")) {
                plan = plan.withRates(Stream.of(value.split(",")).map(String::trim).map(Integer::parseInt).toList());
            } else if (option.startsWith("--seconds=")) {
                plan = plan.withSeconds(Integer.parseInt(value));
            } else if (option.startsWith("--saturation=")) {
                String[] sizes = value.split("/");
                plan = plan.withSaturation(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]));
            } else if (option.startsWith("--rounds=")) {
                plan = plan.withRounds(Integer.parseInt(value));
            } else if (option.startsWith("--output=")) {
                output = Path.of(value);
            } else if (option.startsWith("--service-jvm=")) {
                jvm = List.of(value.split("\\s+"));
            } else if (option.equals("--no-cds")) {
                classData = false;
            } else if (option.startsWith("--reminders=")) {
                String[] sizes = value.split("/");
                plan = plan.withReminders(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]));
            } else if (option.startsWith("--replicas=")) {
                plan = plan.withReplicas(Integer.parseInt(value));
            } else if (option.equals("--only=reminders")) {
                onlyReminders = true;
            } else if (!option.equals("--quick")) {
                System.err.println("unknown option " + option + " (known: --quick, --rates=25,50, --seconds=N, "
                        + "--rounds=N, --saturation=RATE/REFERRALS, --reminders=PLANNED/DUE, --replicas=N, --only=reminders, "
                        + "--output=DIR, "
                        + "--service-jvm=\"...\", --no-cds)");
                System.exit(2);
            }
        }
        Path root = RunningSystem.projectRoot();
        output = root.resolve(output).toAbsolutePath();
        if (onlyReminders) {
            System.exit(remindersOnly(plan, output, jvm, classData ? root.resolve("target/benchmarks-cds") : null)
                    .targetMet() ? 0 : 1);
        }
        Results results = run(plan, output, jvm, classData ? root.resolve("target/benchmarks-cds") : null);
        System.out.println();
        System.out.println(Files.readString(output.resolve("report.md")));
        System.exit(results.accounting().everyReferralBooked() ? 0 : 1);
    }

    /**
     * Runs the plan against a freshly started system and writes the report into the folder.
     *
     * @param serviceJvm the services' JVM options; null for ./run-local's
     * @param classDataDirectory where the services' class-data archives are kept across runs; null for none
     */
    public static Results run(Plan plan, Path output, List<String> serviceJvm, Path classDataDirectory)
            throws Exception {
        return run(plan, output, serviceJvm, classDataDirectory, stack -> {
        });
    }

    /** As {@link #run(Plan, Path, List, Path)}, giving the still running system to {@code beforeStopping}. */
    static Results run(Plan plan, Path output, List<String> serviceJvm, Path classDataDirectory,
            java.util.function.Consumer<Stack> beforeStopping) throws Exception {
        long runStarted = System.nanoTime();
        Files.createDirectories(output);
        Path logs = output.resolve("stack-logs");
        Directories.deleteRecursively(logs);
        Path root = RunningSystem.projectRoot();
        List<String> jvm = serviceJvm != null ? serviceJvm
                : StackConfig.defaults(root, output).serviceJvmOptions();
        String classData = classDataDirectory == null ? "off" : classDataState(classDataDirectory);
        StackConfig config = config(root, logs, plan.providers(), jvm, classDataDirectory);
        if (plan.replicas() > 1) {
            config = config.withReplicas(plan.replicas());
        }

        log("Starting Kafka, registry, Postgres, mail and the four services on free ports%s ...",
                plan.replicas() > 1 ? " (" + plan.replicas() + " instances of each)" : "");
        long started = System.nanoTime();
        Stack stack = Stack.start(config);
        Results results;
        Replicas replicas = null;
        try {
            double stackReady = (System.nanoTime() - started) / 1e9;
            Setup setup = new Setup(jvm, classData, clinicDescription(plan.providers()),
                    clinicSlots(plan.providers()), stackReady, stack.infrastructureMillis() / 1000.0);
            log("System ready in %.1f s (infrastructure %.1f s)", stackReady, setup.infrastructureReadySeconds());
            // a first start after a build writes the services' class-data archives in the background (about half a
            // minute of CPU each): measuring meanwhile would share the cores with them
            long archiving = System.nanoTime();
            if (!stack.awaitClassDataArchives(Duration.ofMinutes(15))) {
                log("Class-data archives still being written after 15 min; measuring anyway");
            } else if (System.nanoTime() - archiving > 1_000_000_000L) {
                log("Waited %.0f s for the class-data archives of this first start", (System.nanoTime() - archiving) / 1e9);
            }
            if (plan.replicas() > 1) {
                replicas = new Replicas(stack, plan.replicas(), Duration.ofSeconds(120));
                log("Stopping the extra instances until the 1 vs %d comparison at the end ...", plan.replicas());
                replicas.stopExtraInstances(Duration.ofSeconds(120));
            }
            results = measure(plan, stack, setup, runStarted, replicas);
            beforeStopping.accept(stack);
        } finally {
            if (replicas != null) {
                replicas.close();
            }
            log("Stopping the system ...");
            stack.close();
        }
        results = withRunSeconds(results, (System.nanoTime() - runStarted) / 1e9);
        Report.write(results, output);
        log("Report: %s", output.resolve("report.md"));
        return results;
    }

    /** Just the reminders-at-scale scenario (to work on dispatch); prints its figures, writes no report. */
    static Reminders.Result remindersOnly(Plan plan, Path output, List<String> serviceJvm, Path classDataDirectory)
            throws Exception {
        Path root = RunningSystem.projectRoot();
        List<String> jvm = serviceJvm != null ? serviceJvm : StackConfig.defaults(root, output).serviceJvmOptions();
        Path logs = output.resolve("stack-logs");
        Directories.deleteRecursively(logs);
        log("Starting the system on free ports ...");
        try (Stack stack = Stack.start(config(root, logs, plan.providers(), jvm, classDataDirectory))) {
            stack.awaitClassDataArchives(Duration.ofMinutes(15));
            Reminders.Result result = Reminders.run(stack, plan.reminderPlanned(), plan.reminderDue(),
                    Duration.ofSeconds(plan.reminderWaitSeconds()));
            log("%s", result);
            return result;
        }
    }

    private static Results measure(Plan plan, Stack stack, Setup setup, long runStarted, Replicas replicas)
            throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        String registry = stack.registry().ccompatUrl();
        ProcessCpu cpu = new ProcessCpu(stack);
        try (Pipeline pipeline = new Pipeline(stack, cpu)) {
            log("Idle stack: 1 + %d referrals one after another, each once the one before it is booked ...",
                    plan.idleReferrals());
            IdleLatency.Result idle = IdleLatency.run(bootstrap, pipeline, plan.idleReferrals(),
                    Duration.ofSeconds(plan.drainSeconds()));
            log("  the first: accepted → booked %d ms; the next %d: p50 %.0f / max %.0f ms (%s)",
                    idle.first() == null ? -1 : idle.first().acceptedToBooked(), plan.idleReferrals(),
                    idle.acceptedToBooked().p50(), idle.acceptedToBooked().max(), idle.verdict().met() ? "PASS"
                            : String.join("; ", idle.verdict().reasons()));
            IdleLatency.hops(idle).forEach(hop -> log("    %s", hop));
            log("Warm-up: %d referral(s), not counted ...", plan.warmupReferrals());
            Pipeline.Step warmup = pipeline.run("warm-up", Math.min(10, plan.warmupReferrals()),
                    plan.warmupReferrals(), Duration.ofSeconds(Math.max(60, plan.drainSeconds())));
            log("Warm-up: the consumer groups read %.1f records per referral", pipeline.lagRecordsPerReferral());

            EventSize.Measured size = EventSize.referralSubmitted(bootstrap, registry);
            log("Reference: raw producer and consumer, %d records of %d B, then %d records/s for %d s ...",
                    plan.referenceRecords(), size.serializedBytes(), plan.referenceLatencyRate(),
                    plan.referenceLatencySeconds());
            Reference.Result reference = Reference.run(bootstrap, plan.referenceRecords(), size.serializedBytes(),
                    plan.referenceLatencyRate(), plan.referenceLatencySeconds());
            log("Reference: %.0f records/s produced, end-to-end p99 %.1f ms at %d/s", reference.producedPerSecond(),
                    reference.endToEndAtFixedRate().p99(), plan.referenceLatencyRate());

            List<Pipeline.Step> steps = new ArrayList<>();
            List<Integer> skipped = new ArrayList<>();
            for (int rate : plan.rates()) {
                if (!steps.isEmpty() && !steps.get(steps.size() - 1).drained()) {
                    skipped.add(rate);
                    continue;
                }
                log("Pipeline: %d referrals/s for %d s ...", rate, plan.secondsPerRate());
                Pipeline.Step step = pipeline.run(rate + "/s", rate, rate * plan.secondsPerRate(),
                        Duration.ofSeconds(plan.drainSeconds()));
                log("  %d accepted, %d booked, %d HTTP errors, %.0f events/s, planned→booked p50 %.0f / p99 %.0f ms, "
                        + "lag while sending at most %d (bound %d): %s", step.accepted(), step.booked(),
                        step.httpErrors(), step.eventsPerSecond(), step.plannedToBooked().p50(),
                        step.plannedToBooked().p99(), step.maxLagWhileSending(), step.lagBound(), step.sustained()
                                ? "sustained" : "not sustained: " + String.join("; ", step.sustainedVerdict().reasons()));
                steps.add(step);
            }
            if (!skipped.isEmpty()) {
                log("Skipped rates %s: the rate before them did not drain within %d s", skipped, plan.drainSeconds());
            }
            log("Waiting for any backlog to clear before saturating (at most %d s) ...", 3 * plan.drainSeconds());
            pipeline.settle(Duration.ofSeconds(3L * plan.drainSeconds()));
            log("Saturation: %d referrals at %d/s, well above capacity, for the pipeline's events/s ...",
                    plan.saturationReferrals(), plan.saturationRate());
            Pipeline.Step saturation = pipeline.run("saturation", plan.saturationRate(), plan.saturationReferrals(),
                    Duration.ofSeconds(3L * plan.drainSeconds()));
            log("  %.0f events/s, %.1f referrals booked/s while %d/s were offered (%s)", saturation.eventsPerSecond(),
                    saturation.bookedPerSecond(), saturation.offeredPerSecond(), Verdicts.saturated(saturation)
                            ? "saturated" : "not saturated: a lower bound");
            log("Waiting for any backlog to clear (at most %d s) ...", 3 * plan.drainSeconds());
            Accounting accounting = accounting(pipeline, stack, 3 * plan.drainSeconds());
            log("Accounting: %d accepted, %d booked, %d booked twice, intake shows %d scheduled (settled after %.0f s)",
                    accounting.referralsAccepted(), accounting.referralsBooked(), accounting.bookedTwice(),
                    accounting.intakeScheduled(), accounting.secondsToSettle());

            log("Contention: %d rounds of %d clients on %d slots ...", plan.contentionRounds(),
                    plan.contentionClients(), plan.contentionSlots());
            Contention.Result contention = Contention.run(stack.services().get("scheduling-service").baseUrl(),
                    providerId(1), plan.contentionRounds(), plan.contentionClients(), plan.contentionSlots(), cpu);
            log("  booking p50 / p99 %.0f / %.0f ms; one client alone p50 %.0f ms; CPU ms per request %s",
                    contention.latency().p50(), contention.latency().p99(), contention.alone().p50(),
                    contention.cpuMillisPerRequest());

            List<Footprint> footprint = footprint(stack);

            Replicas.Result replicated = null;
            if (replicas != null && !steps.isEmpty()) {
                replicated = replicated(plan, replicas, pipeline, steps.get(0), saturation);
            }

            log("Reminders: %,d planned, %,d of them due in the same minute ...", plan.reminderPlanned(),
                    plan.reminderDue());
            Reminders.Result reminders = Reminders.run(stack, plan.reminderPlanned(), plan.reminderDue(),
                    Duration.ofSeconds(plan.reminderWaitSeconds()));
            log("Reminders: %,d of %,d delivered (%,d within 60 s), %d twice, due → sink p50 %.0f / p99 %.0f ms, "
                    + "heap at most %d MiB", reminders.delivered(), reminders.due(), reminders.withinMinute(),
                    reminders.twice(), reminders.dueToSink().p50(), reminders.dueToSink().p99(),
                    reminders.heapUsedMaxMebibytes());
            return new Results(Instant.now().toString(), machine(), plan, setup, idle, size, reference, warmup,
                    pipeline.lagRecordsPerReferral(), steps, skipped, saturation, accounting, contention, footprint, reminders,
                    replicated, (System.nanoTime() - runStarted) / 1e9);
        }
    }

    /**
     * The first rate and saturation again with every instance of each service running (started again, the
     * consumer groups rebalanced), side by side with the same steps on one instance; the extra instances are
     * stopped again afterwards (the reminders scenario counts one follow-up's mail).
     */
    private static Replicas.Result replicated(Plan plan, Replicas replicas, Pipeline pipeline, Pipeline.Step single,
            Pipeline.Step singleSaturation) {
        log("Replicas: starting the extra instances, %d of each service ...", plan.replicas());
        replicas.startExtraInstances(plan.replicas(), Duration.ofSeconds(180));
        pipeline.settle(Duration.ofSeconds(plan.drainSeconds()));
        int rate = single.offeredPerSecond();
        log("Replicas: %d referrals/s for %d s with %d instances of each service ...", rate, plan.secondsPerRate(),
                plan.replicas());
        Pipeline.Step step = pipeline.run(rate + "/s", rate, rate * plan.secondsPerRate(),
                Duration.ofSeconds(plan.drainSeconds()));
        pipeline.settle(Duration.ofSeconds(3L * plan.drainSeconds()));
        log("Replicas: saturation, %d referrals at %d/s ...", plan.saturationReferrals(), plan.saturationRate());
        Pipeline.Step saturation = pipeline.run("saturation", plan.saturationRate(), plan.saturationReferrals(),
                Duration.ofSeconds(3L * plan.drainSeconds()));
        log("  1 → %d instances: %.0f → %.0f events/s at saturation", plan.replicas(), singleSaturation.eventsPerSecond(),
                saturation.eventsPerSecond());
        pipeline.settle(Duration.ofSeconds(3L * plan.drainSeconds()));
        replicas.stopExtraInstances(Duration.ofSeconds(120));
        return new Replicas.Result(plan.replicas(), List.of(single, singleSaturation), List.of(step, saturation));
    }

    /**
     * Waits for the backlog a rate that was not sustained may have left (up to {@code settleSeconds}), then
     * counts: every referral intake accepted, booked exactly once, and intake showing as many SCHEDULED.
     */
    private static Accounting accounting(Pipeline pipeline, Stack stack, int settleSeconds) {
        double settled = pipeline.settle(Duration.ofSeconds(settleSeconds));
        int accepted = pipeline.everAccepted();
        int booked = pipeline.everBooked();
        String intake = stack.services().get("intake-service").baseUrl();
        long scheduled = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            scheduled = Pipeline.scheduledAtIntake(intake);
            if (scheduled >= booked) {
                break;
            }
            sleep(500);
        }
        return new Accounting(accepted, booked, pipeline.bookedTwice(), scheduled,
                booked == accepted && pipeline.bookedTwice() == 0 && scheduled == booked, settled);
    }

    private static List<Footprint> footprint(Stack stack) {
        List<Footprint> footprint = new ArrayList<>();
        for (ServiceProcess service : stack.services().values()) {
            if (!Replicas.running(service)) {
                continue;
            }
            footprint.add(new Footprint(service.name(), service.process().pid(), secondsToReady(service.process()),
                    service.process().rssMebibytes()));
        }
        footprint.add(new Footprint("kafka-broker", stack.kafka().process().pid(), -1,
                stack.kafka().process().rssMebibytes()));
        footprint.add(new Footprint("schema-registry", stack.registry().process().pid(), -1,
                stack.registry().process().rssMebibytes()));
        return footprint;
    }

    /** The stack on free ports; the benchmark clinic's providers go to every service (only scheduling reads them). */
    static StackConfig config(Path root, Path logs, int providers, List<String> jvm, Path classDataDirectory) {
        Map<String, Integer> services = new LinkedHashMap<>();
        StackConfig.SERVICE_PORTS.keySet().forEach(name -> services.put(name, RunningSystem.freePort()));
        return new StackConfig(root, null, logs, RunningSystem.freePort(), RunningSystem.freePort(),
                RunningSystem.freePort(), RunningSystem.freePort(), RunningSystem.freePort(), RunningSystem.freePort(),
                services, clinicWithProviders(providers), jvm, classDataDirectory);
    }

    static final String CLINIC_HOURS = "00:00-23:30";
    static final int SLOTS_PER_DAY = 47;
    static final int HORIZON_DAYS = 182;

    /**
     * The demo clinic has two injectors and about 5,000 slots in its 26-week horizon: fewer than a full run
     * books. The benchmark clinic has many injectors working every day around the clock (30-minute visits), so
     * the calendar is never what runs out.
     */
    static Map<String, String> clinicWithProviders(int providers) {
        Map<String, String> properties = new LinkedHashMap<>();
        // the demo staff accounts the load clients sign in with, as ./run-local has them
        properties.put("spring.profiles.active", "local");
        for (int i = 1; i <= providers; i++) {
            String prefix = "clinic.scheduling.providers[" + (i - 1) + "].";
            properties.put(prefix + "id", providerId(i));
            properties.put(prefix + "name", "Bench Injector " + i);
            properties.put(prefix + "location", "Marina Del Rey");
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                properties.put(prefix + "hours." + day + "[0]", CLINIC_HOURS);
            }
        }
        return properties;
    }

    static String providerId(int i) {
        return "bench-" + i;
    }

    static long clinicSlots(int providers) {
        return (long) providers * SLOTS_PER_DAY * HORIZON_DAYS;
    }

    static String clinicDescription(int providers) {
        return providers + " injectors, every day " + CLINIC_HOURS + ", 30-minute visits, " + HORIZON_DAYS
                + "-day horizon";
    }

    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    /** From the JVM's start to Spring Boot's "Started ..." line (the JVM's uptime then), or -1. */
    static double secondsToReady(ManagedProcess process) {
        try {
            Matcher started = STARTED.matcher(Files.readString(process.logFile()));
            double seconds = -1;
            while (started.find()) {
                seconds = Double.parseDouble(started.group(2));
            }
            return seconds;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** Whether the services map a class-data archive recorded by an earlier run, or record one in this run. */
    private static String classDataState(Path directory) {
        try (Stream<Path> archives = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
            long complete = archives.filter(dir -> Files.isRegularFile(dir.resolve("classes.jsa.complete"))).count();
            return complete >= StackConfig.SERVICE_PORTS.size() ? "used" : "recorded this run";
        } catch (IOException e) {
            return "recorded this run";
        }
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores, " + memory() + "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB RAM, ";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    private static Results withRunSeconds(Results r, double seconds) {
        return new Results(r.date(), r.machine(), r.plan(), r.setup(), r.idle(), r.eventSize(), r.reference(), r.warmup(),
                r.lagRecordsPerReferral(), r.pipeline(), r.ratesSkipped(), r.saturation(), r.accounting(), r.contention(), r.footprint(), r.reminders(),
                r.replicas(), seconds);
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Benchmarks() {
    }
}
