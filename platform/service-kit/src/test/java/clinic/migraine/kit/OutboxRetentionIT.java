package clinic.migraine.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.outbox.OutboxCleanup;
import clinic.migraine.kit.outbox.OutboxProperties;
import clinic.migraine.kit.outbox.OutboxRelay;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Published events leave the outbox after the retention, in bounded batches; unpublished ones never do. */
@ServiceIntegrationTest
class OutboxRetentionIT {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxCleanup cleanup;
    @Autowired
    OutboxProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventPublishedMoreThanSevenDaysAgoIsDeletedAndAYoungerOneKept() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(7));
        UUID old = published(Duration.ofDays(7).plusMinutes(1));
        UUID recent = published(Duration.ofDays(7).minusMinutes(1));

        cleanup.deleteExpired();

        assertThat(exists(old)).as("published 7 days and a minute ago").isFalse();
        assertThat(exists(recent)).as("published 7 days less a minute ago").isTrue();
    }

    @Test
    void anEventNeverPublishedIsKeptHoweverOld() {
        relay.stop();
        UUID waiting;
        try {
            waiting = stored(UUID.randomUUID());
            jdbc.sql("update outbox set created_at = now() - interval '400 days' where event_id = :id")
                    .param("id", waiting).update();

            cleanup.deleteExpired();

            assertThat(exists(waiting)).isTrue();
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc
                .sql("select published_at is not null from outbox where event_id = :id").param("id", waiting)
                .query(Boolean.class).single()).as("still owed, so still sent").isTrue());
    }

    @Test
    void eachDeleteTakesAtMostOneBatch() {
        OutboxProperties twoAtATime = new OutboxProperties(properties.pollInterval(), properties.batchSize(),
                properties.sendTimeout(), properties.retention(), properties.cleanupInterval(), 2);
        OutboxCleanup small = new OutboxCleanup(jdbc, transactions, twoAtATime);
        cleanup.stop();
        try {
            cleanup.deleteExpired();
            List<UUID> old = List.of(published(Duration.ofDays(30)), published(Duration.ofDays(20)),
                    published(Duration.ofDays(10)), published(Duration.ofDays(9)), published(Duration.ofDays(8)));

            assertThat(small.deleteBatch()).isEqualTo(2);
            assertThat(old.stream().filter(this::exists)).as("the two oldest went first")
                    .containsExactlyElementsOf(old.subList(2, 5));
            assertThat(small.deleteExpired()).isEqualTo(3);
            assertThat(old.stream().filter(this::exists)).isEmpty();
        } finally {
            cleanup.start();
        }
    }

    /** An event the relay sent {@code ago}. */
    private UUID published(Duration ago) {
        UUID eventId = stored(UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("select published_at is not null from outbox where event_id = :id").param("id", eventId)
                .query(Boolean.class).single());
        jdbc.sql("update outbox set published_at = now() - make_interval(secs => :secs) where event_id = :id")
                .param("secs", (double) ago.toSeconds()).param("id", eventId).update();
        return eventId;
    }

    private UUID stored(UUID eventId) {
        transactions.executeWithoutResult(tx -> outbox.publish(ReferralWithdrawn.newBuilder().setEventId(eventId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReferralId(UUID.randomUUID())
                .setReason("retention").build()));
        return eventId;
    }

    private boolean exists(UUID eventId) {
        return jdbc.sql("select count(*) from outbox where event_id = :id").param("id", eventId).query(Long.class)
                .single() == 1;
    }
}
