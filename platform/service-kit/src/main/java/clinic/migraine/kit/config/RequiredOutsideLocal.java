package clinic.migraine.kit.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Stops a service before it connects anywhere when a secret only the local profile may leave out is missing: the
 * database password. {@code postgres/postgres} belongs to the local profile (this machine's embedded Postgres);
 * anywhere else the operator sets {@code SPRING_DATASOURCE_PASSWORD}, or the service says so and does not start.
 * Runs as a bean-factory post-processor, so before the data source, Flyway or any listener exists.
 */
public class RequiredOutsideLocal implements BeanFactoryPostProcessor {

    static final String LOCAL_PROFILE = "local";

    private final Environment environment;

    public RequiredOutsideLocal(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** @throws IllegalStateException naming the missing setting, outside the local profile */
    static void check(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        String password = environment.getProperty("spring.datasource.password");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("spring.datasource.password (SPRING_DATASOURCE_PASSWORD) must be set "
                    + "outside the local profile: the database password of local runs is not used anywhere else");
        }
    }
}
