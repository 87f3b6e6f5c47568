package clinic.migraine.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.migraine.stack.Stack;
import clinic.migraine.stack.StackConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole system on real processes for system and fault tests: the same launcher as ./run-local on free
 * ports and a throwaway data folder, follow-up offsets shortened to seconds, and the calls every such test
 * makes through the public APIs and the mailbox.
 */
public final class RunningSystem implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private static final String TRIALS = """
            {"drug": "topiramate", "drugClass": "ANTICONVULSANT", "days": 90, "result": "INEFFECTIVE"},
            {"drug": "propranolol", "drugClass": "BETA_BLOCKER", "days": 75, "result": "INEFFECTIVE"},
            {"drug": "amitriptyline", "drugClass": "TRICYCLIC", "days": 20, "result": "NOT_TOLERATED"}""";

    private final Stack stack;
    public final Api intake;
    public final Api eligibility;
    public final Api scheduling;
    public final Api followup;

    private RunningSystem(Stack stack) {
        this.stack = stack;
        intake = new Api(stack.services().get("intake-service").baseUrl());
        eligibility = new Api(stack.services().get("eligibility-service").baseUrl());
        scheduling = new Api(stack.services().get("scheduling-service").baseUrl());
        followup = new Api(stack.services().get("followup-service").baseUrl());
    }

    /** Starts everything; logs go to the folder, the extra properties to every service. */
    public static RunningSystem start(Path logDirectory, Map<String, String> extraProperties) {
        return start(logDirectory, extraProperties, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** As above, with the services' JVM options. */
    public static RunningSystem start(Path logDirectory, Map<String, String> extraProperties, List<String> jvmOptions) {
        return start(logDirectory, extraProperties, jvmOptions, 1);
    }

    /**
     * As above, with {@code replicas} instances of each service on the one broker and database, each on a free port;
     * {@link #instance} reaches a given one ("scheduling-service-2"), the fields the first ones.
     */
    public static RunningSystem start(Path logDirectory, Map<String, String> extraProperties, List<String> jvmOptions,
            int replicas) {
        try {
            Path root = projectRoot();
            Path state = Files.createTempDirectory("clinic-system");
            Map<String, Integer> services = StackConfig.replicated(StackConfig.SERVICE_PORTS, replicas,
                    (port, n) -> freePort());
            Map<String, String> properties = new LinkedHashMap<>();
            // as ./run-local: the demo staff accounts (intake, clinician, scheduler, admin) the tests sign in with
            properties.put("spring.profiles.active", "local");
            properties.put("clinic.followup.check-in-after", "2s");
            properties.put("clinic.followup.diary-every", "1h");
            properties.put("clinic.followup.diary-requests", "1");
            properties.put("clinic.followup.next-cycle-after", "8s");
            properties.put("clinic.followup.quiet-from", "00:00");
            properties.put("clinic.followup.quiet-until", "00:00");
            properties.put("clinic.followup.timer-polling", "250ms");
            // an urgent alert nobody acknowledges reaches the on-call list within seconds, not a quarter of an hour
            properties.put("clinic.followup.on-call.escalate-every", "3s");
            // the schedulers' live feed beats every second, so a test sees a stream alive without waiting 25 s
            properties.put("clinic.scheduling.stream.heartbeat", "1s");
            properties.put("clinic.outbox.poll-interval", "200ms");
            // the journeys treat visits booked days and weeks ahead at once, recording the time given as now
            properties.put("clinic.scheduling.record-treatment-within", "400d");
            properties.putAll(extraProperties);
            return new RunningSystem(Stack.start(new StackConfig(root, state.resolve("data"), logDirectory,
                    freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), services, properties,
                    jvmOptions)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout this runs in: the working folder or the nearest folder above it with the local stack. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-stack")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the project: no folder above holds local-stack and pom.xml");
    }

    public Stack stack() {
        return stack;
    }

    /** The public API of one service instance: "intake-service" is the first, "intake-service-2" the second. */
    public Api instance(String name) {
        return new Api(stack.services().get(name).baseUrl());
    }

    private static final List<String> LAST_NAMES = List.of("Lopez", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski",
            "Haddad", "Tanaka", "Moreau", "Silva", "Novak", "Jensen", "Petrov", "Murphy", "Costa", "Yilmaz", "Kim",
            "Fischer", "Dubois", "Andersen", "Ibrahim", "Larsen", "Romero", "Weber", "Sato", "Ahmed", "Virtanen",
            "Horvat", "Ortiz", "Bakker", "Mensah", "Popescu");

    /**
     * A referral as staff would submit it; trials is the inside of the preventive-trials array. The patient follows
     * from the email: the same email is the same person (name, birth date, member id, phone), so a second referral
     * for it is recognised as a re-referral; different emails are, as far as intake's matching can tell, different
     * people (last name, birth date, member id and phone all differ but by a rare coincidence of all four).
     */
    public static String referral(String email, String policy, String code, String trials) {
        // each detail from bits of its own (they once came from overlapping bits of one 32-bit hash, so two of a
        // benchmark's 10,000 patients could agree on all four and be taken for one person)
        java.util.UUID bits = java.util.UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long high = bits.getMostSignificantBits();
        long low = bits.getLeastSignificantBits();
        String lastName = LAST_NAMES.get((int) Math.floorMod(low, (long) LAST_NAMES.size()));
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(low >>> 16, 18_000L));
        String memberId = "XJ-" + Math.floorMod(high, 1_000_000L);
        String phone = "+1310555" + String.format("%04d", Math.floorMod(high >>> 32, 10_000L));
        return """
                {"patient": {"firstName": "Ana", "lastName": "%s", "dateOfBirth": "%s", "email": "%s",
                             "phone": "%s", "timeZone": "America/New_York", "preferredChannel": "EMAIL"},
                 "referrer": {"name": "Dr. Kim", "npi": "1234567893"},
                 "payer": {"policy": "%s", "memberId": "%s"},
                 "diagnosisCode": "%s",
                 "clinical": {"headacheDaysPerMonth": 18, "migraineDaysPerMonth": 10, "chronicMigraineMonths": 9,
                              "preventiveTrials": [%s], "medicationOveruse": "NONE", "onCgrpAntibody": false,
                              "contraindications": []}}
                """.formatted(lastName, born, email, phone, policy, memberId, code, trials);
    }

    /** An eligible referral under the "label" policy. */
    public static String eligibleReferral(String email) {
        return referral(email, "label", "G43.709", "");
    }

    /** Three failed preventives: what the stricter payer policies ask for. */
    public static String threeFailedPreventives() {
        return TRIALS;
    }

    /** Submits and returns the new referral's id; fails unless intake answers 201. */
    public String submit(String body) {
        Api.Answer created = intake.post("/api/referrals", body);
        if (created.status() != 201) {
            throw new AssertionError("referral not accepted: " + created.status() + " " + created.body());
        }
        return created.read("$.id");
    }

    public Api.Answer awaitStatus(String id, String status) {
        return await().atMost(WAIT).until(() -> intake.get("/api/referrals/" + id),
                answer -> answer.status() == 200 && status.equals(answer.read("$.status")));
    }

    public List<MimeMessage> awaitMail(String to, String subject, int atLeast) {
        return await().atMost(WAIT).until(() -> mailTo(to).stream().filter(m -> subject(m).equals(subject)).toList(),
                found -> found.size() >= atLeast);
    }

    /** Every message the local mail server received for the address. */
    public List<MimeMessage> mailTo(String to) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : stack.mail().greenMail().getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux), never the same twice in this JVM.
     * A port the kernel hands out for {@code new ServerSocket(0)} comes from the range outgoing connections take
     * theirs from, so a Kafka or JDBC client could take it before the service binds it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException taken) {
                // in use: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
