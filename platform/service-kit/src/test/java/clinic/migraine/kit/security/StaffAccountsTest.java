package clinic.migraine.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class StaffAccountsTest {

    private final ClinicSecurityConfiguration configuration = new ClinicSecurityConfiguration();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theDemoPasswordIsRefusedOutsideTheLocalProfile() {
        StaffAccounts demo = accounts("admin", "demo");

        assertThatThrownBy(() -> configuration.staffAccounts(demo, encoder, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo password")
                .hasMessageContaining("local profile");
        assertThatThrownBy(() -> configuration.staffAccounts(demo, encoder, profiles("production")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(configuration.staffAccounts(demo, encoder, profiles("local")).loadUserByUsername("admin")
                .getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void configuredAccountsWithTheirOwnBcryptHashSignInUnderAnyProfile() {
        UserDetailsService users = configuration.staffAccounts(accounts("ruiz", "a long passphrase"), encoder,
                profiles("production"));

        String hash = users.loadUserByUsername("ruiz").getPassword();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches("a long passphrase", hash)).isTrue();
        assertThat(encoder.matches("demo", hash)).isFalse();
    }

    @Test
    void refusesToStartWithoutAccountsOrWithPlainTextPasswordsOrWithoutRoles() {
        assertThatThrownBy(() -> configuration.staffAccounts(new StaffAccounts(List.of()), encoder, profiles("local")))
                .hasMessageContaining("No staff accounts");
        StaffAccounts plain = new StaffAccounts(List.of(new StaffAccounts.Account("ruiz", "{noop}secret",
                Set.of(StaffRole.INTAKE))));
        assertThatThrownBy(() -> configuration.staffAccounts(plain, encoder, profiles("local")))
                .hasMessageContaining("{bcrypt}");
        StaffAccounts roleless = new StaffAccounts(List.of(new StaffAccounts.Account("ruiz",
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("x"), Set.of())));
        assertThatThrownBy(() -> configuration.staffAccounts(roleless, encoder, profiles("local")))
                .hasMessageContaining("no roles");
    }

    private static StaffAccounts accounts(String name, String password) {
        return new StaffAccounts(List.of(new StaffAccounts.Account(name,
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password),
                Set.of(name.equals("admin") ? StaffRole.ADMIN : StaffRole.INTAKE))));
    }

    private static MockEnvironment profiles(String... active) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    @Test
    void anAccountNameAsTypedReachesTheLogAndAuditOnOneLineAndShort() {
        assertThat(ClinicSecurityConfiguration.shown("josé")).isEqualTo("josé");
        assertThat(ClinicSecurityConfiguration.shown("admin\r\nINFO forged line")).isEqualTo("admin??INFO forged line");
        assertThat(ClinicSecurityConfiguration.shown("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
    }
}
