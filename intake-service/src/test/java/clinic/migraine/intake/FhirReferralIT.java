package clinic.migraine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import clinic.migraine.fhir.R4Validation;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Referrals from an EHR as FHIR R4: the shipped example Bundle becomes a referral like the JSON API's, a resend is
 * harmless, what comes back is valid R4, and malformed FHIR is answered with an OperationOutcome (4xx, never 5xx)
 * with nothing stored.
 */
@ServiceIntegrationTest
@AutoConfigureMockMvc
class FhirReferralIT {

    private static final String INTAKE = Api.basic("intake", Api.DEMO_PASSWORD);
    private static final String FHIR_JSON = "application/fhir+json";
    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static R4Validation validation;
    private static String example;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void load() throws IOException {
        validation = new R4Validation(R4);
        example = Files.readString(Path.of("../examples/referral-bundle.json"));
    }

    /** The example with an identifier, birth date and member id of its own, so each test is another person. */
    private static String bundle() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return example.replace("REF-2026-000417", "REF-" + unique).replace("XJ-448120", "XJ-" + unique)
                .replace("lucia.alvarez@example.org", "lucia-" + unique + "@example.org");
    }

    @Test
    void theExampleBundleIsValidR4AndBecomesAReferralWithEveryFactTheJsonApiWouldKeep() throws Exception {
        assertThat(validation.errors(example)).as("the shipped example is valid R4").isEmpty();
        String bundle = bundle();

        MockHttpServletResponse created = send(bundle);

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long afterFirst = referrals();
        assertThat(created.getContentType()).startsWith(FHIR_JSON);
        ServiceRequest answer = R4.newJsonParser().parseResource(ServiceRequest.class, created.getContentAsString());
        assertThat(validation.errors(answer)).isEmpty();
        String id = answer.getIdPart();
        assertThat(created.getHeader("Location")).isEqualTo("/fhir/ServiceRequest/" + id);
        assertThat(answer.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("G43.709");

        String referral = mvc.perform(get("/api/referrals/" + id).header("Authorization", INTAKE)).andReturn()
                .getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(referral, "$.patient.lastName")).isEqualTo("Alvarez");
        assertThat(JsonPath.<String>read(referral, "$.patient.firstName")).isEqualTo("Lucia");
        assertThat(JsonPath.<String>read(referral, "$.patient.dateOfBirth")).isEqualTo("1984-03-09");
        assertThat(JsonPath.<String>read(referral, "$.patient.timeZone")).isEqualTo("America/Los_Angeles");
        assertThat(JsonPath.<String>read(referral, "$.patient.preferredChannel")).isEqualTo("EMAIL");
        assertThat(JsonPath.<String>read(referral, "$.patient.phone")).isEqualTo("+13105550188");
        assertThat(JsonPath.<String>read(referral, "$.referrer.npi")).isEqualTo("1234567893");
        assertThat(JsonPath.<String>read(referral, "$.referrer.name")).isEqualTo("Dr. Priya Raman");
        assertThat(JsonPath.<String>read(referral, "$.payer.policy")).isEqualTo("label");
        assertThat(JsonPath.<Integer>read(referral, "$.clinical.headacheDaysPerMonth")).isEqualTo(18);
        assertThat(JsonPath.<Integer>read(referral, "$.clinical.migraineDaysPerMonth")).isEqualTo(10);
        assertThat(JsonPath.<Integer>read(referral, "$.clinical.chronicMigraineMonths")).isEqualTo(9);
        assertThat(JsonPath.<List<String>>read(referral, "$.clinical.preventiveTrials[*].drug"))
                .containsExactly("Topiramate", "Propranolol");
        assertThat(JsonPath.<List<Integer>>read(referral, "$.clinical.preventiveTrials[*].days"))
                .containsExactly(98, 42);
        assertThat(JsonPath.<List<String>>read(referral, "$.clinical.preventiveTrials[*].result"))
                .containsExactly("INEFFECTIVE", "NOT_TOLERATED");

        // the EHR sends it again (a timeout on its side): the same referral, not a second one
        MockHttpServletResponse again = send(bundle);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(R4.newJsonParser().parseResource(ServiceRequest.class, again.getContentAsString()).getIdPart())
                .isEqualTo(id);
        assertThat(referrals()).isEqualTo(afterFirst);

        MockHttpServletResponse read = mvc.perform(get("/fhir/ServiceRequest/" + id).header("Authorization", INTAKE))
                .andReturn().getResponse();
        ServiceRequest followed = R4.newJsonParser().parseResource(ServiceRequest.class, read.getContentAsString());
        assertThat(followed.getStatus()).isIn(ServiceRequest.ServiceRequestStatus.ACTIVE,
                ServiceRequest.ServiceRequestStatus.ONHOLD);
        assertThat(validation.errors(followed)).isEmpty();
    }

    @Test
    void aFieldTheJsonApiWouldRefuseIsAnIssueAtItsPlaceInTheBundleAndNothingIsStored() throws Exception {
        long before = referrals();
        String wrongNpi = bundle().replace("\"1234567893\"", "\"1234567890\"")
                .replace("\"birthDate\": \"1984-03-09\"", "\"birthDate\": \"2999-03-09\"");

        OperationOutcome outcome = refused(send(wrongNpi), 400);

        assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .contains("Practitioner.identifier.where(system='http://hl7.org/fhir/sid/us-npi').value",
                        "Patient.birthDate");
        assertThat(outcome.getIssue()).allSatisfy(i -> assertThat(i.getDiagnostics()).isNotBlank());
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aPhoneThatIsNoNumberAndACategoryForADiagnosisAreIssuesSayingWhyAndNothingIsStored() throws Exception {
        long before = referrals();
        String wrong = bundle().replace("\"+13105550188\"", "\"+1 555 0100\"")
                .replace("\"code\": \"G43.709\"", "\"code\": \"G43.7\"");

        OperationOutcome outcome = refused(send(wrong), 400);

        assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .anySatisfy(d -> assertThat(d).contains("is too short for a +1 number"))
                .anySatisfy(d -> assertThat(d).contains("choose one of G43.701, G43.709, G43.711, G43.719"));
        assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .contains("Patient.telecom.where(system='phone' or system='sms').value",
                        "Condition.code.coding.where(system='http://hl7.org/fhir/sid/icd-10-cm').code");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aPhoneWrittenAsPeopleWriteItIsKeptInE164() throws Exception {
        MockHttpServletResponse created = send(bundle().replace("\"+13105550188\"", "\"(310) 555-0188\""));

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = created.getHeader("Location").substring("/fhir/ServiceRequest/".length());
        assertThat(jdbc.sql("select phone from referral where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("+13105550188");
    }

    @Test
    void malformedFhirIsAnOperationOutcomeNeverAServerErrorAndNothingIsStored() throws Exception {
        long before = referrals();
        String bundle = bundle();
        String patientEntry = bundle.substring(bundle.indexOf("{\n      \"fullUrl\": \"urn:uuid:7f0c2a8e-1d59-4b7e-9d0a-2f6f3c1b5a01\""),
                bundle.indexOf("{\n      \"fullUrl\": \"urn:uuid:7f0c2a8e-1d59-4b7e-9d0a-2f6f3c1b5a02\""));
        StringBuilder huge = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < 10_000; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}}");
        }
        huge.append("]}");
        StringBuilder many = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}}");
        }
        many.append("]}");

        assertThat(issue(refused(send("this is not json"), 400))).contains("not valid FHIR JSON");
        assertThat(issue(refused(send("{\"resourceType\": \"Patient\"}"), 400))).contains("Expected resourceType Bundle");
        assertThat(refused(send(bundle.replace(patientEntry, "")), 400).getIssue())
                .anySatisfy(i -> assertThat(i.getExpression().get(0).getValue()).isEqualTo("Patient"));
        assertThat(issue(refused(send(bundle.replace("http://hl7.org/fhir/sid/icd-10-cm", "http://snomed.info/sct")),
                400))).contains("Unknown code system http://snomed.info/sct");
        assertThat(issue(refused(send(bundle.replace("\"code\": \"headache-days-per-month\"",
                "\"code\": \"headache-hours\"")), 400))).contains("Unknown referral fact 'headache-hours'");
        assertThat(issue(refused(send(bundle.replace("\"type\": \"transaction\"", "\"type\": \"searchset\"")), 400)))
                .contains("transaction or collection");
        assertThat(issue(refused(send(bundle.replace("\"birthDate\": \"1984-03-09\"", "\"birthDate\": \"1984\"")), 400)))
                .contains("full date");
        assertThat(issue(refused(send(bundle.replace("\"birthDate\": \"1984-03-09\"",
                "\"birthDate\": \"1984-03-09\", \"favouriteColour\": \"blue\"")), 400))).contains("favouriteColour");
        assertThat(issue(refused(send(many.toString()), 400))).contains("at most 100 entries");
        refused(send(huge.toString()), 413);
        refused(mvc.perform(post("/fhir/Bundle").header("Authorization", INTAKE).contentType(FHIR_JSON))
                .andReturn().getResponse(), 400);
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void theCapabilityStatementIsValidR4AndOtherRolesCannotSendReferrals() throws Exception {
        MockHttpServletResponse metadata = mvc.perform(get("/fhir/metadata")).andReturn().getResponse();
        assertThat(metadata.getStatus()).isEqualTo(200);
        CapabilityStatement statement = R4.newJsonParser().parseResource(CapabilityStatement.class,
                metadata.getContentAsString());
        assertThat(validation.errors(statement)).isEmpty();
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactlyInAnyOrder("Bundle", "ServiceRequest");

        assertThat(mvc.perform(fhir(post("/fhir/Bundle")).header("Authorization",
                Api.basic("scheduler", Api.DEMO_PASSWORD)).content(bundle())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(fhir(post("/fhir/Bundle")).header("Authorization", Api.basic("intake", "wrong"))
                .content(bundle())).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private MockHttpServletResponse send(String body) throws Exception {
        return mvc.perform(fhir(post("/fhir/Bundle")).header("Authorization", INTAKE).content(body)).andReturn()
                .getResponse();
    }

    private static MockHttpServletRequestBuilder fhir(MockHttpServletRequestBuilder request) {
        return request.contentType(FHIR_JSON).accept(FHIR_JSON);
    }

    private static OperationOutcome refused(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(FHIR_JSON);
        OperationOutcome outcome = R4.newJsonParser().parseResource(OperationOutcome.class,
                response.getContentAsString());
        assertThat(outcome.getIssue()).isNotEmpty();
        assertThat(validation.errors(outcome)).isEmpty();
        return outcome;
    }

    private static String issue(OperationOutcome outcome) {
        return outcome.getIssueFirstRep().getDiagnostics();
    }

    private long referrals() {
        return jdbc.sql("select count(*) from referral").query(Long.class).single();
    }
}
