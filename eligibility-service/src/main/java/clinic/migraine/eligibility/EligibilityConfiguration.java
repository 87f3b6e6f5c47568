package clinic.migraine.eligibility;

import clinic.migraine.eligibility.decision.application.Eligibility;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EligibilityProperties.class)
class EligibilityConfiguration {

    @Bean
    Eligibility.ClinicZone clinicZone(EligibilityProperties properties) {
        return new Eligibility.ClinicZone(properties.clinicTimeZone());
    }
}
