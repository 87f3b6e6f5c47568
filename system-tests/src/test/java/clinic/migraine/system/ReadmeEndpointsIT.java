package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import clinic.migraine.system.Readme.Endpoint;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * README's endpoint table against what the running services map ({@code /actuator/mappings}, read as the
 * admin): every endpoint the README names is served by that service with that method, and every {@code /api}
 * endpoint a service serves is in the README. Sign-in and sign-out are Spring Security's filters, not mappings;
 * {@link SecurityIT} uses them on every service.
 */
class ReadmeEndpointsIT {

    @RegisterExtension
    static final SharedSystem shared = new SharedSystem();

    private static final Set<String> SECURITY_FILTERS = Set.of("POST /login", "POST /logout");

    private static Map<String, Api> services;

    @BeforeAll
    static void connect() {
        RunningSystem system = SharedSystem.system();
        services = new LinkedHashMap<>();
        services.put("intake", system.intake);
        services.put("eligibility", system.eligibility);
        services.put("scheduling", system.scheduling);
        services.put("followup", system.followup);
    }

    @Test
    void everyEndpointTheReadmeNamesIsServedAndEveryApiEndpointServedIsNamed() {
        Map<String, List<Endpoint>> table = Readme.ofProject().endpoints();
        List<String> notServed = new ArrayList<>();
        List<String> notInReadme = new ArrayList<>();
        Set<String> filtersNamed = new TreeSet<>();
        for (Map.Entry<String, Api> service : services.entrySet()) {
            Set<String> mapped = mappings(service.getValue());
            List<Endpoint> promised = new ArrayList<>(table.getOrDefault(service.getKey(), List.of()));
            table.forEach((row, endpoints) -> {
                if (row.startsWith("every ")) {
                    promised.addAll(endpoints);
                }
            });
            assertThat(promised).as("README endpoints for %s", service.getKey()).isNotEmpty();
            Set<String> promisedNames = new TreeSet<>();
            for (Endpoint endpoint : promised) {
                promisedNames.add(endpoint.toString());
                if (SECURITY_FILTERS.contains(endpoint.toString())) {
                    filtersNamed.add(endpoint.toString());
                } else if (!mapped.contains(endpoint.toString()) && !mapped.contains("* " + endpoint.path())) {
                    notServed.add(service.getKey() + ": " + endpoint);
                }
            }
            for (String endpoint : mapped) {
                String path = endpoint.substring(endpoint.indexOf(' ') + 1);
                if (path.startsWith("/api/") && !promisedNames.contains(endpoint)) {
                    notInReadme.add(service.getKey() + ": " + endpoint);
                }
            }
        }
        assertThat(notServed).as("named in README's endpoint table but not served").isEmpty();
        assertThat(notInReadme).as("served under /api but missing from README's endpoint table").isEmpty();
        assertThat(filtersNamed).isEqualTo(SECURITY_FILTERS);
    }

    /** What the service maps, as "METHOD /path" with variables as {} ("* /path" when any method is taken). */
    private static Set<String> mappings(Api service) {
        Api.Answer answer = service.get("/actuator/mappings");
        assertThat(answer.status()).as("/actuator/mappings as admin").isEqualTo(200);
        List<Map<String, Object>> conditions = JsonPath.read(answer.body(), "$..requestMappingConditions");
        Set<String> mapped = new TreeSet<>();
        for (Map<String, Object> condition : conditions) {
            @SuppressWarnings("unchecked")
            List<String> methods = (List<String>) condition.get("methods");
            @SuppressWarnings("unchecked")
            List<String> patterns = (List<String>) condition.get("patterns");
            for (String pattern : patterns) {
                String path = Readme.normalized(pattern);
                if (methods == null || methods.isEmpty()) {
                    mapped.add("* " + path);
                }
                for (String method : methods == null ? List.<String>of() : methods) {
                    mapped.add(method + " " + path);
                }
            }
        }
        assertThat(mapped).as("mappings read from %s", service.baseUrl()).isNotEmpty();
        return mapped;
    }
}
