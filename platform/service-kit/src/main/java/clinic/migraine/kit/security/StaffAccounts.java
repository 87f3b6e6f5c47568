package clinic.migraine.kit.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts from configuration: {@code clinic.security.users[i].name}, {@code .password} (a hash with its
 * encoder id, e.g. {@code {bcrypt}$2a$10$...}) and {@code .roles}. The local profile adds the demo accounts
 * (see clinic-kit.yml); their password {@code demo} is refused under any other profile.
 */
@ConfigurationProperties("clinic.security")
public record StaffAccounts(List<Account> users) {

    public StaffAccounts {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record Account(String name, String password, Set<StaffRole> roles) {

        public Account {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
