package clinic.migraine.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Service tests' MockMvc requests sign in with HTTP Basic as the local profile's {@code admin}, through the real
 * filter chain. A request that sets its own {@code Authorization} header (another account) keeps it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInMockMvc {

    @Bean
    MockMvcBuilderCustomizer signedInAsAdmin() {
        return builder -> builder.defaultRequest(get("/").header("Authorization", Api.basic("admin", Api.DEMO_PASSWORD)));
    }
}
