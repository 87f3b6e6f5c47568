package clinic.migraine.kit.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RequiredOutsideLocalTest {

    @Test
    void outsideTheLocalProfileAServiceWithoutADatabasePasswordDoesNotStart() {
        assertThatThrownBy(() -> RequiredOutsideLocal.check(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SPRING_DATASOURCE_PASSWORD");
        assertThatThrownBy(() -> RequiredOutsideLocal.check(
                new MockEnvironment().withProperty("spring.datasource.password", " ")))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> RequiredOutsideLocal.check(
                new MockEnvironment().withProperty("spring.datasource.password", "s3cret-from-the-vault")))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocalProfileNeedsNone() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatCode(() -> RequiredOutsideLocal.check(local)).doesNotThrowAnyException();
    }
}
