package clinic.migraine.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.CancelReasonCode;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.EventTopic;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.testsupport.Doses;
import clinic.migraine.testsupport.EventTopics;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Scheduling on a real broker, registry and Postgres. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class SchedulingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventTopics topics;
    @Autowired
    Appointments appointments;

    @Test
    void booksTheEarliestFreeSlotAfterLeadTimeOnceEvenIfTheDecisionComesTwice() {
        UUID referral = UUID.randomUUID();
        EligibilityDetermined eligible = eligible(referral, 1);

        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), referral.toString(), eligible, eligible);

        List<AppointmentBooked> booked = topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getReferralId().equals(referral), 1, WAIT);
        assertThat(booked).hasSize(1);
        AppointmentBooked event = booked.get(0);
        assertThat(event.getLocation()).isEqualTo("Marina Del Rey");
        assertThat(event.getClinicTimeZone()).isEqualTo("America/Los_Angeles");
        assertThat(Duration.between(event.getStart(), event.getEnd())).isEqualTo(Duration.ofMinutes(30));
        assertThat(event.getStart().atZone(CLINIC).toLocalDate()).isAfter(LocalDate.now(CLINIC).plusDays(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(appointmentsOf(referral)).isEqualTo(1));
    }

    @Test
    void fiftyClientsCompetingForTenSlotsGetExactlyTenAppointments() throws Exception {
        String slotsJson = mvc.perform(get("/api/slots").param("from", LocalDate.now(CLINIC).plusDays(60).toString())
                .param("to", LocalDate.now(CLINIC).plusDays(70).toString()).param("providerId", "prov-2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> starts = JsonPath.<List<String>>read(slotsJson, "$[*].start").subList(0, 10);
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String start = starts.get(i % 10);
            String body = "{\"referralId\":\"" + UUID.randomUUID() + "\",\"cycle\":1,\"start\":\"" + start
                    + "\",\"providerId\":\"prov-2\"}";
            clients.add(() -> mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andReturn().getResponse().getStatus());
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Integer> answers = new ArrayList<>();
        try {
            for (Future<Integer> answer : pool.invokeAll(clients)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).filteredOn(s -> s == 201).hasSize(10);
        assertThat(answers).filteredOn(s -> s == 409).hasSize(40);
        for (String start : starts) {
            assertThat(jdbc.sql("select count(*) from appointment where provider_id = 'prov-2' and start_at = :start "
                    + "and status = 'booked'").param("start", Timestamp.from(java.time.OffsetDateTime.parse(start)
                            .toInstant())).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aRescheduleRaceHasOneWinnerAndTheOtherGets409() throws Exception {
        UUID first = book(UUID.randomUUID(), 1, 40);
        UUID second = book(UUID.randomUUID(), 1, 41);
        String target = freeSlot(45);

        int a = reschedule(first, target);
        int b = reschedule(second, target);

        assertThat(List.of(a, b)).containsExactlyInAnyOrder(200, 409);
        mvc.perform(post("/api/appointments/" + first + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\":\"" + LocalDate.now(CLINIC).plusDays(45) + "T03:00:00-08:00\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aNoShowIsRebookedAutomatically() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID appointment = book(referral, 1, 30);

        mvc.perform(post("/api/appointments/" + appointment + "/no-show")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("noshow"));

        assertThat(jdbc.sql("select count(*) from appointment where referral_id = :id and status = 'booked'")
                .param("id", referral).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theNextCycleIsBookedNoSoonerThan84DaysAfterTheTreatment() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID appointment = book(referral, 1, 10);
        mvc.perform(post("/api/appointments/" + appointment + "/complete").contentType(MediaType.APPLICATION_JSON)
                .content(Doses.preempt("C3391"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("fulfilled")).andExpect(jsonPath("$.units").value(155));
        LocalDate treated = topics.await(EventTopic.TREATMENT_COMPLETED.topicName(), TreatmentCompleted.class,
                e -> e.getReferralId().equals(referral), 1, WAIT).get(0).getTreatmentDate();

        topics.send(EventTopic.ELIGIBILITY_DETERMINED.topicName(), referral.toString(), eligible(referral, 2));

        AppointmentBooked next = topics.await(EventTopic.APPOINTMENT_BOOKED.topicName(), AppointmentBooked.class,
                e -> e.getReferralId().equals(referral) && e.getCycle() == 2, 1, WAIT).get(0);
        LocalDate nextDay = next.getStart().atZone(CLINIC).toLocalDate();
        assertThat(nextDay).isAfterOrEqualTo(treated.plusDays(84)).isBeforeOrEqualTo(treated.plusDays(98));
        assertThatThrownBy(() -> jdbc.sql("""
                insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                  not_before, created_at, updated_at)
                values (:id, :referral, 3, 'prov-1', 'Marina Del Rey', :start, :end, 'booked', :notBefore, now(), now())
                """).param("id", UUID.randomUUID()).param("referral", referral)
                .param("start", Timestamp.from(next.getStart().minus(30, ChronoUnit.DAYS)))
                .param("end", Timestamp.from(next.getStart().minus(30, ChronoUnit.DAYS).plus(30, ChronoUnit.MINUTES)))
                .param("notBefore", Timestamp.from(next.getStart())).update())
                .hasMessageContaining("respects_treatment_interval");
    }

    @Test
    void aStaffCancellationTellsTheOtherServicesItsCodeAndKeepsTheWordsTypedHere() throws Exception {
        UUID appointment = book(UUID.randomUUID(), 1, 55);
        String words = "moving to Phoenix, call her daughter on 555 0142";

        mvc.perform(post("/api/appointments/" + appointment + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"" + words + "\",\"by\":\"PATIENT\"}")).andExpect(status().isOk());

        AppointmentCancelled cancelled = topics.await(EventTopic.APPOINTMENT_CANCELLED.topicName(),
                AppointmentCancelled.class, e -> e.getAppointmentId().equals(appointment), 1, WAIT).get(0);
        assertThat(cancelled.getReasonCode()).isEqualTo(CancelReasonCode.STAFF_ENTERED);
        assertThat(cancelled.getCancelledBy()).isEqualTo(clinic.migraine.events.CancelledBy.PATIENT);
        assertThat(cancelled.toString()).doesNotContain("Phoenix").doesNotContain("0142");
        assertThat(jdbc.sql("select count(*) from outbox where position(convert_to('Phoenix', 'UTF8') in payload) > 0")
                .query(Long.class).single()).as("no stored event carries the words").isZero();
        mvc.perform(get("/api/appointments/" + appointment)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(words)));
    }

    @Test
    void theDatabaseRefusesOverlappingVisitsForOneProvider() throws Exception {
        UUID appointment = book(UUID.randomUUID(), 1, 50);
        var existing = jdbc.sql("select provider_id, start_at from appointment where id = :id").param("id", appointment)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).single();
        Timestamp overlapping = Timestamp.from(((Timestamp) existing[1]).toInstant().plus(10, ChronoUnit.MINUTES));

        assertThatThrownBy(() -> jdbc.sql("""
                insert into appointment (id, referral_id, cycle, provider_id, location, start_at, end_at, status,
                  created_at, updated_at)
                values (:id, :referral, 1, :provider, 'Marina Del Rey', :start, :end, 'booked', now(), now())
                """).param("id", UUID.randomUUID()).param("referral", UUID.randomUUID()).param("provider", existing[0])
                .param("start", overlapping).param("end", Timestamp.from(overlapping.toInstant().plus(30, ChronoUnit.MINUTES)))
                .update()).hasMessageContaining("no_double_booking");
        mvc.perform(get("/api/appointments/" + appointment + ".ics")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("BEGIN:VEVENT\r\nUID:" + appointment)));
    }

    @Test
    void aBookedSlotIsHeldFromItsStartAndNoLongerListedAsFree() throws Exception {
        UUID appointment = book(UUID.randomUUID(), 1, 90);
        Instant start = jdbc.sql("select start_at from appointment where id = :id").param("id", appointment)
                .query(Timestamp.class).single().toInstant();
        Instant end = start.plus(30, ChronoUnit.MINUTES);

        assertThat(appointments.taken(start, end)).extracting(Appointments.TakenSlot::start).containsExactly(start);
        assertThat(appointments.taken(start.minus(30, ChronoUnit.MINUTES), start)).isEmpty();
        assertThat(appointments.taken(start.plusSeconds(1), end)).isEmpty();
        String day = start.atZone(CLINIC).toLocalDate().toString();
        String free = mvc.perform(get("/api/slots").param("from", day).param("to", day).param("providerId", "prov-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(free, "$[*].start")).isNotEmpty()
                .noneMatch(s -> Instant.parse(s).equals(start));
    }

    private UUID book(UUID referral, int cycle, int daysAhead) throws Exception {
        String body = "{\"referralId\":\"" + referral + "\",\"cycle\":" + cycle + ",\"start\":\"" + freeSlot(daysAhead)
                + "\",\"providerId\":\"prov-1\"}";
        String answer = mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    private String freeSlot(int daysAhead) throws Exception {
        String slots = mvc.perform(get("/api/slots").param("from", LocalDate.now(CLINIC).plusDays(daysAhead).toString())
                .param("to", LocalDate.now(CLINIC).plusDays(daysAhead + 7).toString()).param("providerId", "prov-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(slots, "$[0].start");
    }

    private int reschedule(UUID appointment, String start) throws Exception {
        return mvc.perform(post("/api/appointments/" + appointment + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .content("{\"start\":\"" + start + "\"}")).andReturn().getResponse().getStatus();
    }

    private long appointmentsOf(UUID referral) {
        return jdbc.sql("select count(*) from appointment where referral_id = :id").param("id", referral)
                .query(Long.class).single();
    }

    private static EligibilityDetermined eligible(UUID referral, int cycle) {
        return EligibilityDetermined.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReferralId(referral).setCycle(cycle)
                .setOutcome(EligibilityOutcome.ELIGIBLE).setReasons(List.of()).setPolicyId("label")
                .setPolicyVersion("2026.1").setDecidedBy(DecisionMaker.RULES).build();
    }
}
