package clinic.migraine.testsupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Gives service tests an {@link EventTopics} on the test's broker and registry. */
@TestConfiguration(proxyBeanMethods = false)
public class EventTopicsConfiguration {

    @Bean
    EventTopics eventTopics(@Value("${spring.kafka.bootstrap-servers}") String brokers,
            @Value("${clinic.schema-registry.url}") String registryUrl) {
        return new EventTopics(brokers, registryUrl);
    }
}
