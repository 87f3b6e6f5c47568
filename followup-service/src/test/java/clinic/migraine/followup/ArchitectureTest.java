package clinic.migraine.followup;

import java.util.stream.Stream;

import clinic.migraine.testsupport.ServiceLayers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> layersStayApart() {
        return ServiceLayers.checks("clinic.migraine.followup");
    }
}
