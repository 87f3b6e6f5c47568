package clinic.migraine.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** followup-service: reminders, post-injection check-ins, headache diary, the next cycle. */
@SpringBootApplication
public class FollowupApplication {

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "clinic.migraine.events");
        SpringApplication.run(FollowupApplication.class, args);
    }
}
