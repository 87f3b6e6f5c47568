package clinic.migraine.scheduling;

import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SchedulingProperties.class)
class SchedulingConfiguration {

    @Bean
    ClinicCalendar clinicCalendar(SchedulingProperties properties) {
        return properties.calendar();
    }

    @Bean
    BookingRules bookingRules(SchedulingProperties properties) {
        return properties.bookingRules();
    }
}
