package clinic.migraine.eligibility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** eligibility-service: payer policies, reasoned eligibility decisions, clinician review queue. */
@SpringBootApplication
public class EligibilityApplication {

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "clinic.migraine.events");
        SpringApplication.run(EligibilityApplication.class, args);
    }
}
