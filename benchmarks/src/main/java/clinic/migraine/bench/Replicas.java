package clinic.migraine.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import clinic.migraine.stack.ServiceProcess;
import clinic.migraine.stack.Stack;
import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.KafkaOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * One instance of each service against several ({@code --replicas=2}): the stack is started with every instance
 * (so each has its port), the extra ones are stopped before anything is measured, and started again at the end
 * for the same pipeline steps (the first rate and saturation) with the work shared by the consumer groups.
 */
final class Replicas {

    /**
     * The steps with one instance (from the main measurement) and with {@code instances}.
     *
     * @param single the first rate and saturation with one instance of each service
     * @param replicated the same with {@code instances} of each service
     */
    record Result(int instances, List<Pipeline.Step> single, List<Pipeline.Step> replicated) {
    }

    private final Stack stack;
    private final Admin admin;
    private final Map<String, Integer> membersPerInstance = new TreeMap<>();

    /**
     * On a stack just started with {@code instances} of each service: waits until every service's group is stable
     * with a multiple of {@code instances} consumers, and remembers each group's consumers per instance.
     */
    Replicas(Stack stack, int instances, Duration wait) {
        this.stack = stack;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()));
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Integer> members = members();
        while (!(members.keySet().containsAll(KafkaOffsets.GROUPS)
                && members.values().stream().allMatch(n -> n > 0 && n % instances == 0))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer groups not stable with " + instances + " instances: " + members);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            members = members();
        }
        members.forEach((group, n) -> membersPerInstance.put(group, n / instances));
    }

    /** Stops every instance but the first of each service and waits until each group has only the first's consumers. */
    void stopExtraInstances(Duration wait) {
        CompletableFuture.allOf(extra().stream().map(name -> CompletableFuture.runAsync(stack.services().get(name)::close))
                .toArray(CompletableFuture[]::new)).join();
        awaitGroups(1, wait);
    }

    /** Starts the extra instances again and waits until each group has every instance's consumers. */
    void startExtraInstances(int instances, Duration wait) {
        CompletableFuture.allOf(extra().stream().map(name -> CompletableFuture.runAsync(() -> stack.restart(name)))
                .toArray(CompletableFuture[]::new)).join();
        awaitGroups(instances, wait);
    }

    /** The instances that are not a service's first. */
    private List<String> extra() {
        return stack.config().services().keySet().stream().filter(name -> !name.equals(StackConfig.module(name)))
                .toList();
    }

    /** Whether an instance's process runs (the extra ones are stopped for most of the run). */
    static boolean running(ServiceProcess service) {
        return service.process().isAlive();
    }

    private void awaitGroups(int instances, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Integer> members = Map.of();
        while (System.nanoTime() < deadline) {
            members = members();
            boolean settled = !members.isEmpty();
            for (Map.Entry<String, Integer> group : membersPerInstance.entrySet()) {
                settled &= members.getOrDefault(group.getKey(), -1) == group.getValue() * instances;
            }
            if (settled) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IllegalStateException("consumer groups not settled with " + instances + " instance(s) each within "
                + wait.toSeconds() + " s: " + members + " (expected " + membersPerInstance + " per instance)");
    }

    /** The members of each service's consumer group that is stable (rebalancing groups left out). */
    private Map<String, Integer> members() {
        Map<String, Integer> members = new TreeMap<>();
        try {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(KafkaOffsets.GROUPS).all()
                    .get(10, TimeUnit.SECONDS);
            groups.forEach((name, group) -> {
                if (group.groupState() == GroupState.STABLE) {
                    members.put(name, group.members().size());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // not answered: not settled yet
        }
        return members;
    }

    void close() {
        admin.close();
    }
}
