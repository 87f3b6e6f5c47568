package clinic.migraine.serde;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/** Configuration keys, named as Confluent's serde names them so existing Kafka configs carry over. */
public final class SerdeConfig {

    /** Base URL of the registry API: {@code http://host:8081} (Confluent) or {@code http://host:8081/apis/ccompat/v7} (Apicurio). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer's schema on first use (default true); when false it must already be registered. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Registry request timeout in milliseconds (default 5000). */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Optional: read every value into this generated class instead of the class named by the writer's schema. */
    public static final String SPECIFIC_VALUE_TYPE = "specific.avro.value.type";

    private SerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required");
        }
        Object timeout = configs.get(REQUEST_TIMEOUT_MS);
        Duration requestTimeout = Duration.ofMillis(timeout == null ? 5000 : Long.parseLong(timeout.toString()));
        return SchemaRegistryClient.shared(url.toString().trim(), requestTimeout);
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString());
    }
}
