package clinic.migraine.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/** The common part of a service's {@code GET /fhir/metadata}: an R4 JSON server; each adds what it supports. */
public final class Capabilities {

    private Capabilities() {
    }

    /** A statement for this service with one server {@code rest} entry, whose security is described. */
    public static CapabilityStatement server(String software, String description, String security) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(new Date())
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).setDescription(description);
        statement.setPublisher("Migraine clinic");
        statement.addFormat(FhirResourceConverter.FHIR_JSON_VALUE);
        statement.getSoftware().setName(software);
        statement.getImplementation().setDescription("Migraine clinic " + software);
        statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER).getSecurity()
                .setDescription(security);
        return statement;
    }
}
