package clinic.migraine.scheduling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** scheduling-service: provider calendars, booking without double booking, the 12-week cycle. */
@SpringBootApplication
public class SchedulingApplication {

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "clinic.migraine.events");
        SpringApplication.run(SchedulingApplication.class, args);
    }
}
