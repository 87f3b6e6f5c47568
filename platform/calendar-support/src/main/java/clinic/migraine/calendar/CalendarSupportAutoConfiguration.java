package clinic.migraine.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One invitation writer per service, with the clinic as organizer. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarSupportAutoConfiguration {

    @Bean
    Invitations invitations(CalendarProperties properties) {
        return new Invitations(properties.organizerEmail(), properties.organizerName(), properties.uidDomain());
    }
}
