package clinic.migraine.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One R4 context per service, built on the first FHIR request (building it is costly), the resource writer and
 * the OperationOutcome answers.
 */
@AutoConfiguration
public class FhirSupportAutoConfiguration {

    @Bean
    FhirJson fhirJson() {
        return new FhirJson();
    }

    @Bean
    FhirErrors fhirErrors() {
        return new FhirErrors();
    }

    @Bean
    WebMvcConfigurer fhirResources(FhirJson json) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new FhirResourceConverter(json));
            }
        };
    }

    /**
     * A FHIR body over the size limit is refused as an OperationOutcome (413), ahead of the kit's filter, which
     * would answer problem details; the same limit ({@code clinic.web.max-body-size}).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> fhirBodyLimit(FhirJson json,
            @Value("${clinic.web.max-body-size:64KB}") DataSize limit) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (request.getContentLengthLong() > limit.toBytes()) {
                    response.setStatus(413);
                    response.setContentType(FhirResourceConverter.FHIR_JSON_VALUE);
                    response.getOutputStream().write(json.write(FhirErrors.tooLarge().getBody())
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/fhir/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
