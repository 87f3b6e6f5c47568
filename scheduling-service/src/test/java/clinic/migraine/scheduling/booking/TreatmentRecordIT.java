package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.events.TreatmentSite;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The dose record through the API: only a clinician writes it, nothing is filled in, the rules answer 422. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class TreatmentRecordIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    EventTopics topics;

    @Test
    void aClinicianRecordsTheWholeDoseAndTheEventAndBillingCarryIt() throws Exception {
        UUID visit = book(150);
        Instant given = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        complete(visit, Doses.preempt("C3391", given, 45), "scheduler").andExpect(status().isForbidden());
        complete(visit, Doses.preempt("C3391", given, 45), "clinician").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("fulfilled"))
                .andExpect(jsonPath("$.treatment.totalUnits").value(155))
                .andExpect(jsonPath("$.treatment.totalInjections").value(31))
                .andExpect(jsonPath("$.treatment.injector").value("clinician"))
                .andExpect(jsonPath("$.treatment.sites[3].muscle").value("TEMPORALIS"))
                .andExpect(jsonPath("$.treatment.billing[0].code").value("J0585"))
                .andExpect(jsonPath("$.treatment.billing[0].units").value(155))
                .andExpect(jsonPath("$.treatment.billing[1].modifier").value("JW"))
                .andExpect(jsonPath("$.treatment.billing[1].units").value(45));

        TreatmentCompleted event = topics.await(EventTopic.TREATMENT_COMPLETED.topicName(), TreatmentCompleted.class,
                e -> e.getAppointmentId().equals(visit), 1, WAIT).get(0);
        assertThat(event.getTreatedAt()).isEqualTo(given);
        assertThat(event.getUnits()).isEqualTo(155);
        assertThat(event.getWastedUnits()).isEqualTo(45);
        assertThat(event.getInjector()).isEqualTo("clinician");
        assertThat(event.getLotExpiry()).isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(event.getProduct()).isEqualTo("onabotulinumtoxinA");
        assertThat(event.getSites()).extracting(TreatmentSite::getMuscle).containsExactly("PROCERUS", "CORRUGATOR",
                "FRONTALIS", "TEMPORALIS", "OCCIPITALIS", "CERVICAL_PARASPINAL", "TRAPEZIUS");
        mvc.perform(get("/api/appointments/" + visit)).andExpect(jsonPath("$.treatment.lot").value("C3391"))
                .andExpect(jsonPath("$.treatment.wastedUnits").value(45));
    }

    @Test
    void aRecordWithoutLotExpirySitesOrTimeIsRefusedFieldByFieldAndNothingIsFilledIn() throws Exception {
        UUID visit = book(152);

        complete(visit, "{\"product\":\"onabotulinumtoxinA\",\"wastedUnits\":0}", "clinician")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("administeredAt", "lot",
                        "lotExpiry", "sites")));
        complete(visit, "{}", "clinician").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("product", "wastedUnits")));
        String unnamedOther = Doses.preempt("C3391").replace("\"muscle\":\"TRAPEZIUS\"", "\"muscle\":\"OTHER\"");
        complete(visit, unnamedOther, "clinician").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sites[6].otherMuscle"));
        mvc.perform(get("/api/appointments/" + visit)).andExpect(jsonPath("$.status").value("booked"))
                .andExpect(jsonPath("$.units").doesNotExist());
    }

    @Test
    void theLabelsMaximumNeedsAReasonAndAnExpiredLotOrAFutureTimeIsRefused() throws Exception {
        UUID visit = book(154);
        String extra = ",{\"muscle\":\"OTHER\",\"otherMuscle\":\"masseter\",\"side\":\"BILATERAL\","
                + "\"injections\":4,\"units\":41}]";
        String above = Doses.preempt("C3391").replace("\"units\":30}]", "\"units\":30}" + extra);

        complete(visit, above, "clinician").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("196 U is above 195 U")));
        complete(visit, Doses.preempt("C3391").replace("2030-01-31", LocalDate.now().minusDays(2).toString()),
                "clinician").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lotExpiry"));
        complete(visit, Doses.preempt("C3391", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS), 0),
                "clinician").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("in the future")));
        mvc.perform(get("/api/appointments/" + visit)).andExpect(jsonPath("$.status").value("booked"));

        String reasoned = above.replace("\"wastedUnits\":0", "\"wastedUnits\":0,\"overrideReason\":\"bruxism\"");
        complete(visit, reasoned, "clinician").andExpect(status().isOk())
                .andExpect(jsonPath("$.treatment.totalUnits").value(196))
                .andExpect(jsonPath("$.treatment.overrideReason").value("bruxism"))
                .andExpect(jsonPath("$.treatment.billing[0].modifier").value("JZ"));
    }

    private ResultActions complete(UUID visit, String body, String account) throws Exception {
        return mvc.perform(post("/api/appointments/" + visit + "/complete").contentType(MediaType.APPLICATION_JSON)
                .content(body).header(HttpHeaders.AUTHORIZATION, Api.basic(account, Api.DEMO_PASSWORD)));
    }

    private UUID book(int daysAhead) throws Exception {
        String slots = mvc.perform(get("/api/slots").param("from", LocalDate.now().plusDays(daysAhead).toString())
                        .param("to", LocalDate.now().plusDays(daysAhead + 7).toString()).param("providerId", "prov-2"))
                .andReturn().getResponse().getContentAsString();
        String body = "{\"referralId\":\"" + UUID.randomUUID() + "\",\"cycle\":1,\"start\":\""
                + JsonPath.<List<String>>read(slots, "$[*].start").get(0) + "\",\"providerId\":\"prov-2\"}";
        String answer = mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }
}
