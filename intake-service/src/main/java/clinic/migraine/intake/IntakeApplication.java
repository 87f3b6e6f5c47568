package clinic.migraine.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** intake-service: referral intake API, outbox, referral status and timeline. */
@SpringBootApplication
public class IntakeApplication {

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "clinic.migraine.events");
        SpringApplication.run(IntakeApplication.class, args);
    }
}
