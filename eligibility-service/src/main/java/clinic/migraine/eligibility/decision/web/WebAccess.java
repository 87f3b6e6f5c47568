package clinic.migraine.eligibility.decision.web;

import java.util.Map;

import clinic.migraine.kit.audit.ReadAudited;
import clinic.migraine.kit.security.AccessRules;
import clinic.migraine.kit.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reviews, authorizations to renew and what-if evaluations are clinicians' work; any signed-in staff may read the payer policies. */
@Configuration(proxyBeanMethods = false)
class WebAccess {

    /** Reading one review (the patient's clinical facts), on the API or the page, is audited. */
    @Bean
    ReadAudited reviewReads() {
        return new ReadAudited(Map.of("/api/reviews/{id}", "review", "/reviews/{id}", "review"));
    }

    @Bean
    AccessRules eligibilityAccess() {
        return paths -> paths
                .requestMatchers("/reviews/**", "/api/reviews/**", "/api/eligibility/**", "/authorizations",
                        "/authorizations/**", "/api/authorizations", "/api/authorizations/**")
                .hasRole(StaffRole.CLINICIAN.name())
                .requestMatchers(HttpMethod.GET, "/api/policies", "/api/policies/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/").authenticated();
    }
}
