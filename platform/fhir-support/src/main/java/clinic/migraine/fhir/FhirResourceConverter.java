package clinic.migraine.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes FHIR resources a controller returns as {@code application/fhir+json} (or {@code application/json} when a
 * client asks for that). Reading is left to the controllers ({@link FhirJson#parse}), so that a body that is not
 * FHIR is answered with an OperationOutcome rather than a generic error.
 */
public class FhirResourceConverter extends AbstractHttpMessageConverter<IBaseResource> {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    public static final String FHIR_JSON_VALUE = "application/fhir+json";

    private final FhirJson json;

    public FhirResourceConverter(FhirJson json) {
        super(StandardCharsets.UTF_8, FHIR_JSON, MediaType.APPLICATION_JSON);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return IBaseResource.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected IBaseResource readInternal(Class<? extends IBaseResource> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("FHIR bodies are read by the controller", inputMessage);
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage outputMessage) throws IOException {
        outputMessage.getBody().write(json.write(resource).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return supports(clazz) ? List.of(FHIR_JSON, MediaType.APPLICATION_JSON) : List.of();
    }
}
