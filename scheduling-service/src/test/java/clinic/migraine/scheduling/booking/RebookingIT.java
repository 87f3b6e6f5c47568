package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The rebooking worklist: what goes on it, booking from it, and leaving it when the cycle is booked. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class RebookingIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aVisitCalledOffByTheClinicIsOnTheWorklistUntilItIsBookedFromThere() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID visit = book(referral, 160);
        cancel(visit, "CLINIC");

        List<Integer> ids = JsonPath.read(list(), "$[?(@.referralId == '" + referral + "')].id");
        assertThat(ids).hasSize(1);
        assertThat(JsonPath.<List<String>>read(list(), "$[?(@.referralId == '" + referral + "')].reason"))
                .containsExactly("CANCELLED_BY_CLINIC");
        Document page = Jsoup.parse(mvc.perform(get("/rebooking").header(HttpHeaders.AUTHORIZATION,
                Api.basic("scheduler", Api.DEMO_PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.getElementById("rebooking-" + ids.get(0)).text()).contains("Called off by the clinic");
        mvc.perform(get("/rebooking").header(HttpHeaders.AUTHORIZATION, Api.basic("clinician", Api.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/rebooking/" + ids.get(0) + "/book")).andExpect(status().isOk())
                .andExpect(jsonPath("$.referralId").value(referral.toString()))
                .andExpect(jsonPath("$.cycle").value(1)).andExpect(jsonPath("$.status").value("booked"));

        assertThat(JsonPath.<List<Integer>>read(list(), "$[?(@.referralId == '" + referral + "')].id")).isEmpty();
        mvc.perform(post("/api/rebooking/" + ids.get(0) + "/book")).andExpect(status().isNotFound());
    }

    @Test
    void aPatientsOwnCancellationStaysOffTheListAndASecondNoShowInARowGoesOnIt() throws Exception {
        UUID cancelledByPatient = UUID.randomUUID();
        cancel(book(cancelledByPatient, 162), "PATIENT");
        UUID missing = UUID.randomUUID();
        mvc.perform(post("/api/appointments/" + book(missing, 164) + "/no-show")).andExpect(status().isOk());
        assertThat(JsonPath.<List<Integer>>read(list(), "$[?(@.referralId == '" + missing + "')].id")).isEmpty();

        String again = bookedVisitOf(missing);
        mvc.perform(post("/api/appointments/" + again + "/no-show")).andExpect(status().isOk());

        String worklist = list();
        assertThat(JsonPath.<List<String>>read(worklist, "$[?(@.referralId == '" + missing + "')].reason"))
                .containsExactly("NO_SHOW");
        assertThat(JsonPath.<List<Integer>>read(worklist, "$[?(@.referralId == '" + cancelledByPatient + "')].id"))
                .isEmpty();
    }

    /** A visit booked by someone else meanwhile takes the cycle off the list. */
    @Test
    void aCycleBookedByHandLeavesTheList() throws Exception {
        UUID referral = UUID.randomUUID();
        cancel(book(referral, 166), "CLINIC");
        assertThat(JsonPath.<List<Integer>>read(list(), "$[?(@.referralId == '" + referral + "')].id")).hasSize(1);

        book(referral, 168);

        assertThat(JsonPath.<List<Integer>>read(list(), "$[?(@.referralId == '" + referral + "')].id")).isEmpty();
    }

    private String list() throws Exception {
        return mvc.perform(get("/api/rebooking")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private void cancel(UUID visit, String by) throws Exception {
        mvc.perform(post("/api/appointments/" + visit + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"provider ill\",\"by\":\"" + by + "\"}")).andExpect(status().isOk());
    }

    private UUID book(UUID referral, int daysAhead) throws Exception {
        String slots = mvc.perform(get("/api/slots").param("from", LocalDate.now().plusDays(daysAhead).toString())
                        .param("to", LocalDate.now().plusDays(daysAhead + 7).toString()).param("providerId", "prov-1"))
                .andReturn().getResponse().getContentAsString();
        String body = "{\"referralId\":\"" + referral + "\",\"cycle\":1,\"start\":\""
                + JsonPath.<List<String>>read(slots, "$[*].start").get(0) + "\",\"providerId\":\"prov-1\"}";
        String answer = mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    /** The referral's booked visit, from the schedulers' list page by page. */
    private String bookedVisitOf(UUID referral) throws Exception {
        String next = "/api/appointments?status=booked";
        while (next != null) {
            String page = mvc.perform(get(URI.create(next))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            List<String> found = JsonPath.read(page, "$.items[?(@.referralId == '" + referral + "')].id");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            next = JsonPath.read(page, "$.next");
        }
        throw new AssertionError("no booked visit of " + referral);
    }
}
