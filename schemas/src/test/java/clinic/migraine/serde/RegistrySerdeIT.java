package clinic.migraine.serde;

import clinic.migraine.testsupport.RealSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The serde against the local default: Apicurio's Confluent-compatible API and a real KRaft broker. */
@ExtendWith(RealSchemaRegistry.class)
class RegistrySerdeIT extends RegistrySerdeContract {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Override
    String registryUrl() {
        return RealSchemaRegistry.url();
    }

    @Override
    String bootstrapServers() {
        return broker.getBrokersAsString();
    }
}
