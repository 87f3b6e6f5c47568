package clinic.migraine.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR JSON in and out. Reading is strict (an unknown element, a wrong type or a value that is not what its type
 * allows is refused, not skipped), so what a sender meant is never silently lost; every failure is a 400
 * {@link FhirProblem}, never an exception that would answer 500.
 */
public class FhirJson {

    /**
     * HAPI's R4 context, built on the first FHIR request, not at start-up (the R4 model takes seconds to load and
     * most of a service's life has no FHIR traffic), and cached by HAPI for the whole JVM from then on.
     */
    public FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** @throws FhirProblem 400 when the body is not FHIR JSON of this resource type */
    public <T extends IBaseResource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw FhirProblem.badRequest(FhirProblem.Issue.required(null, "The body is empty: send a "
                    + type.getSimpleName() + " as application/fhir+json"));
        }
        FhirContext context = context();
        IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw FhirProblem.badRequest(FhirProblem.Issue.invalid(null, unreadable(e)));
        }
        if (!type.isInstance(parsed)) {
            throw FhirProblem.badRequest(FhirProblem.Issue.invalid(null, "Expected resourceType "
                    + context.getResourceType(type) + ", got " + context.getResourceType(parsed)));
        }
        return type.cast(parsed);
    }

    public String write(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }

    /**
     * HAPI's own message, which says what is wrong and where, without the offending value for the ones that
     * matter here; cut to a length a client shows.
     */
    private static String unreadable(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("HAPI-\\d+: ", "");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return message.isBlank() ? "The body is not FHIR JSON" : "The body is not valid FHIR JSON: " + message;
    }
}
