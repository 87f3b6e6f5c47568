package clinic.migraine.intake.referral.web;

import java.util.Map;

import clinic.migraine.kit.audit.ReadAudited;
import clinic.migraine.kit.security.AccessRules;
import clinic.migraine.kit.security.StaffRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use referrals and patients: intake staff (and admins, whose role implies it), on the pages and the API
 * alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralFormProperties.class)
class ReferralPagesConfiguration {

    /** Reading one referral or one patient's file, on the API or the page, is audited. */
    @Bean
    ReadAudited intakeReads() {
        return new ReadAudited(Map.of("/api/referrals/{id}", "referral", "/referrals/{id}", "referral",
                "/api/patients/{id}", "patient", "/patients/{id}", "patient", "/fhir/ServiceRequest/{id}", "referral"));
    }

    @Bean
    AccessRules referralAccess() {
        return paths -> paths
                .requestMatchers("/referrals/**", "/api/referrals/**", "/patients/**", "/api/patients/**").hasRole(StaffRole.INTAKE.name())
                // what the FHIR endpoint can do is no secret; referrals in and out are intake's, as on the API
                .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                .requestMatchers("/fhir/Bundle", "/fhir/ServiceRequest/**").hasRole(StaffRole.INTAKE.name())
                // the start page only sends on to the referrals; the page script holds no data
                .requestMatchers("/").authenticated()
                .requestMatchers("/intake/**").permitAll();
    }
}
