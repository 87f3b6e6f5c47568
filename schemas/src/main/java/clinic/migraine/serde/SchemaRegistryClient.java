package clinic.migraine.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API, enough for a serde: register, look up and fetch by
 * id. It speaks only what Confluent's registry and Apicurio's ccompat API both serve. Answers are cached
 * both ways: a schema id never changes its schema, and a subject keeps the id of a schema once registered.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();
    private static final int ATTEMPTS = 4;

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl, Duration requestTimeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** One client (and so one cache) per registry URL and JVM, shared by all serializers and deserializers. */
    public static SchemaRegistryClient shared(String baseUrl, Duration requestTimeout) {
        return SHARED.computeIfAbsent(baseUrl, url -> new SchemaRegistryClient(url, requestTimeout));
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, () -> {
            JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
            return answer.get("id").asInt();
        });
    }

    /** Finds the id of a schema already registered under the subject, without registering it. */
    public int lookup(String subject, Schema schema) {
        return cachedId(subject, schema, () -> {
            JsonNode answer = send("POST", "subjects/" + encode(subject), schemaBody(schema));
            return answer.get("id").asInt();
        });
    }

    public Schema schemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        JsonNode answer = send("GET", "schemas/ids/" + id, null);
        Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    /** The global compatibility level, e.g. BACKWARD. */
    public String compatibility() {
        JsonNode answer = send("GET", "config", null);
        JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
        return level == null ? null : level.asText();
    }

    public void setCompatibility(String level) {
        send("PUT", "config", JSON.createObjectNode().put("compatibility", level).toString());
    }

    private int cachedId(String subject, Schema schema, IdCall call) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer known = ids.get(schema);
        if (known != null) {
            return known;
        }
        int id = call.id();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    /**
     * Every call here is idempotent (registering the same schema again answers the same id), so server errors
     * and lost connections are retried a few times with a growing pause before giving up.
     */
    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            try {
                return sendOnce(method, path, body);
            } catch (SchemaRegistryException e) {
                if (e.status() != 0 && e.status() < 500) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while retrying the registry", 0, e);
        }
    }

    private JsonNode sendOnce(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + path + " failed: registry at " + baseUrl + " unreachable ("
                    + e.getClass().getSimpleName() + ")", 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + path + " interrupted", 0, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(method + " " + path + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()), response.statusCode(), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + path + " answered unreadable JSON", response.statusCode(), e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface IdCall {
        int id();
    }
}
