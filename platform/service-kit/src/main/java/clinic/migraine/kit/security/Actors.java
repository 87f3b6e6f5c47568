package clinic.migraine.kit.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in staff account, or nobody when the system acts on an event or a timer. */
public final class Actors {

    /** How the audit trail names the system itself. */
    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** The staff account name, or null when no one is signed in on this thread. */
    public static String currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /** The staff account name, or {@link #SYSTEM}. */
    public static String current() {
        String name = currentOrNull();
        return name == null ? SYSTEM : name;
    }
}
