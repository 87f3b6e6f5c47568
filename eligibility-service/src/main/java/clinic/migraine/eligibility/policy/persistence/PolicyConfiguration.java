package clinic.migraine.eligibility.policy.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;


import clinic.migraine.eligibility.EligibilityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Loads the policy files at start; a bad file stops the service with a message naming it and the field. */
@Configuration
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyCatalog policyCatalog(EligibilityProperties properties) throws IOException {
        Map<String, String> shipped = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.yml")) {
            shipped.put("policies/" + resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        }
        Resource drugs = new PathMatchingResourcePatternResolver().getResource("classpath:drug-catalogue.yml");
        PolicyCatalog catalog = new PolicyCatalog(shipped, properties.policyDirs(),
                DrugCatalogueFile.parse("drug-catalogue.yml", drugs.getContentAsString(StandardCharsets.UTF_8)));
        catalog.all().forEach(p -> log.info("Policy {} version {} loaded", p.id(), p.version()));
        return catalog;
    }
}
