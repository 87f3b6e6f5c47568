package clinic.migraine.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table printed once the stack is up: what runs where, its process id and memory. */
final class StackReport {

    /** Each service's staff start page. */
    private static final Map<String, String> PAGES = Map.of("intake-service", "/referrals",
            "eligibility-service", "/reviews", "scheduling-service", "/board", "followup-service", "/messages");

    private StackReport() {
    }

    static String table(Stack stack, Path projectRoot, long startMillis) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Kafka broker", stack.kafka().bootstrapServers(), rss(stack.kafka().process())});
        rows.add(new String[] {"Schema registry", stack.registry().ccompatUrl() + "/subjects", rss(stack.registry().process())});
        rows.add(new String[] {"Registry config", stack.registry().ccompatUrl() + "/config", ""});
        rows.add(new String[] {"Postgres", "jdbc:postgresql://localhost:" + stack.postgres().port()
                + "/{intake,eligibility,scheduling,followup} (user postgres)", ""});
        rows.add(new String[] {"Mail (SMTP)", "localhost:" + stack.mail().smtpPort(), ""});
        rows.add(new String[] {"Mail (IMAP)", "localhost:" + stack.mail().imapPort()
                + " (log in as the recipient, any password)", ""});
        stack.services().forEach((name, service) -> {
            rows.add(new String[] {name, service.baseUrl() + PAGES.getOrDefault(StackConfig.module(name), "/"), rss(service.process())});
            rows.add(new String[] {"", service.baseUrl() + "/swagger-ui.html", ""});
            rows.add(new String[] {"", service.baseUrl() + "/actuator/health", ""});
        });
        int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int second = rows.stream().mapToInt(r -> r[1].length()).max().orElse(10);
        StringBuilder out = new StringBuilder("\n");
        String line = "-".repeat(first + second + 16) + "\n";
        out.append(line).append(String.format("%-" + first + "s   %-" + second + "s   %s%n", "component", "address", "RSS"))
                .append(line);
        rows.forEach(r -> out.append(String.format("%-" + first + "s   %-" + second + "s   %s%n", r[0], r[1], r[2])));
        out.append(line)
                .append("Sign in as intake, clinician, scheduler or admin, password demo (local profile only)\n")
                .append("Logs: ").append(projectRoot.relativize(stack.config().logDirectory())).append("/<component>.log\n")
                .append(String.format("Kafka, registry, Postgres and mail ready in %.1f s; everything ready in %.1f s%n",
                        stack.infrastructureMillis() / 1000.0, startMillis / 1000.0));
        return out.toString();
    }

    private static String rss(ManagedProcess process) {
        long rss = process.rssMebibytes();
        return rss < 0 ? "" : rss + " MiB";
    }
}
