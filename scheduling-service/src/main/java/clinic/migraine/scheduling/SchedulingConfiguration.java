package clinic.migraine.scheduling;

import java.util.Map;

import clinic.migraine.scheduling.booking.application.VisitLinks;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration
@EnableConfigurationProperties(SchedulingProperties.class)
class SchedulingConfiguration {

    @Bean
    ClinicCalendar clinicCalendar(SchedulingProperties properties) {
        return properties.calendar();
    }

    /**
     * Refuses the demo key and short ones outside the local profile: anyone holding the key could confirm, cancel
     * or move any patient's visit.
     */
    @Bean
    VisitLinks visitLinks(SchedulingProperties properties, Environment environment) {
        SchedulingProperties.VisitLinkKeys links = properties.visitLinks();
        Map<Integer, String> keys = links.keys() == null ? Map.of() : links.keys();
        if (!environment.acceptsProfiles(Profiles.of("local")) && (keys.isEmpty() || keys.values().stream()
                .anyMatch(key -> key.length() < 32 || key.equals(SchedulingProperties.LOCAL_VISIT_LINK_KEY)))) {
            throw new IllegalStateException("clinic.scheduling.visit-links.keys.<id> must be set to a random value of "
                    + "at least 32 characters outside the local profile (it signs the links in patients' messages), "
                    + "with clinic.scheduling.visit-links.key-id naming the one that signs new links");
        }
        return new VisitLinks(links.keyId(), keys);
    }

    @Bean
    BookingRules bookingRules(SchedulingProperties properties) {
        return properties.bookingRules();
    }
}
