package clinic.migraine.platform.kafka;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Single-node KRaft broker+controller.
 * Usage: KafkaBroker server.properties [--override key=value]...
 * Formats the storage on first start (standalone dynamic quorum, random cluster id),
 * then runs kafka.Kafka, which blocks until SIGTERM/SIGINT and shuts down cleanly.
 */
public final class KafkaBroker {

    public static void main(String[] args) throws Exception {
        Properties props = Kafka.getPropsFromArgs(args); // file + --override pairs
        if (!Files.exists(metadataDir(props).resolve("meta.properties"))) {
            format(props);
        }
        Kafka.main(args);
    }

    private static Path metadataDir(Properties props) {
        String dir = props.getProperty("metadata.log.dir");
        if (dir == null) {
            dir = props.getProperty("log.dirs", props.getProperty("log.dir", "/tmp/kafka-logs")).split(",")[0];
        }
        return Path.of(dir.trim());
    }

    // Same as: kafka-storage.sh format --standalone -t <random-uuid> -c <config>
    // (a fresh random id must not reach StorageTool once formatted: it fails on a cluster.id mismatch
    // even with --ignore-formatted)
    private static void format(Properties props) throws Exception {
        Path config = Files.createTempFile("kafka-server", ".properties");
        try {
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, null);
            }
            String clusterId = System.getProperty("kafka.cluster.id", Uuid.randomUuid().toString());
            int rc = StorageTool.execute(new String[] {
                    "format", "--standalone", "--cluster-id", clusterId, "--config", config.toString()}, System.out);
            if (rc != 0) {
                System.exit(rc);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }
}
