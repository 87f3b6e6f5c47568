package clinic.migraine.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot service test on real parts: the schema registry and Postgres launched once per test JVM and
 * an embedded Kafka broker (KRaft, the only mode of Kafka 4), plus an {@link EventTopics} bean to read and write
 * the topics, under the local profile (its demo staff accounts; MockMvc requests sign in as {@code admin} with
 * HTTP Basic unless they send their own Authorization header). The extensions run before Spring builds the
 * context, so their system properties are in place.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({RealSchemaRegistry.class, RealPostgres.class})
@EmbeddedKafka(partitions = 6)
@SpringBootTest
@Import({EventTopicsConfiguration.class, SignedInMockMvc.class})
@ActiveProfiles("local")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
public @interface ServiceIntegrationTest {
}
