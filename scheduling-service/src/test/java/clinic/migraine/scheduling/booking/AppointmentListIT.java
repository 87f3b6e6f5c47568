package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The schedulers' list of appointments on the real database: a capped range, read page by page. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class AppointmentListIT {

    private static final Instant FIRST = Instant.now().plus(100, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theListComesInPagesEachNamingTheNextUntilTheLast() throws Exception {
        String provider = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> stored = visits(provider, 7);

        List<String> read = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "/api/appointments?providerId=" + provider + "&from=" + FIRST.minus(1, ChronoUnit.DAYS)
                + "&to=" + FIRST.plus(30, ChronoUnit.DAYS) + "&size=3";
        while (next != null) {
            MockHttpServletResponse page = perform(get(URI.create(next)));
            assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
            String body = page.getContentAsString();
            List<String> ids = JsonPath.read(body, "$.items[*].id");
            read.addAll(ids);
            pageSizes.add(ids.size());
            next = JsonPath.read(body, "$.next");
            if (next == null) {
                assertThat(page.getHeader("Link")).as("the last page links nowhere").isNull();
            } else {
                assertThat(page.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            }
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(read).containsExactlyElementsOf(stored.stream().map(UUID::toString).toList());
    }

    @Test
    void withoutASizeAPageHoldsAHundred() throws Exception {
        String provider = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        visits(provider, 101);

        String first = perform(get("/api/appointments").param("providerId", provider)).getContentAsString();
        String second = perform(get(URI.create(JsonPath.read(first, "$.next")))).getContentAsString();

        assertThat(JsonPath.<List<String>>read(first, "$.items[*].id")).hasSize(100);
        assertThat(JsonPath.<Integer>read(first, "$.size")).isEqualTo(100);
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].id")).hasSize(1);
        assertThat(JsonPath.<String>read(second, "$.next")).isNull();
    }

    @Test
    void aRangeLongerThanTheSlotsOrEndingBeforeItStartsIsABadRequest() throws Exception {
        for (String[] range : new String[][] {{"2026-01-01", "2036-01-01"}, {"2026-01-01", "2026-07-10"},
                {"2026-03-01", "2026-02-01"}}) {
            MockHttpServletResponse refused = perform(get("/api/appointments").param("from", range[0])
                    .param("to", range[1]));

            assertThat(refused.getStatus()).as(String.join("..", range)).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                    .containsExactly("to");
        }
        assertThat(perform(get("/api/appointments").param("from", "2026-01-01").param("to", "2026-07-09"))
                .getStatus()).as("190 days").isEqualTo(200);
    }

    @Test
    void badPagingIsABadRequestNamingTheParameter() throws Exception {
        String[][] cases = {{"size", "0"}, {"size", "501"}, {"size", "many"}, {"page", "-1"}, {"page", "10001"},
                {"page", "next"}};
        for (String[] bad : cases) {
            MockHttpServletResponse refused = perform(get("/api/appointments").param(bad[0], bad[1]));

            assertThat(refused.getStatus()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                    .as(bad[0] + "=" + bad[1]).containsExactly(bad[0]);
        }
        assertThat(perform(get("/api/appointments").param("size", "500").param("page", "10000")).getStatus())
                .isEqualTo(200);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Booked visits of one provider, one an hour from {@link #FIRST}, in start order. */
    private List<UUID> visits(String provider, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            Instant start = FIRST.plus(i, ChronoUnit.HOURS);
            jdbc.sql("""
                    insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                      created_at, updated_at)
                    values (:id, :referral, 1, :provider, 'Marina Del Rey', :start, :end, 'booked', now(), now())
                    """).param("id", id).param("referral", UUID.randomUUID()).param("provider", provider)
                    .param("start", Timestamp.from(start)).param("end", Timestamp.from(start.plus(30, ChronoUnit.MINUTES)))
                    .update();
            ids.add(id);
        }
        return ids;
    }
}
