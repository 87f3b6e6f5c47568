package clinic.migraine.intake;

import java.util.stream.Stream;

import clinic.migraine.testsupport.ServiceLayers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The layers of intake stay apart: plain-Java domain, Avro in messaging only, no package cycles. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> layersStayApart() {
        return ServiceLayers.checks("clinic.migraine.intake");
    }
}
