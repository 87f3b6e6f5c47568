package clinic.migraine.kit.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose only role is {@link StaffRole#METRICS} (the Prometheus scraper) reaches the metrics, health,
 * sign-in and the shared look, and nothing else, whatever a service's own rules let any signed-in account see
 * ("authenticated()" pages included). Runs after the role rules; a refusal is their 403.
 */
final class MetricsOnlyFilter extends OncePerRequestFilter {

    private static final Set<String> OPEN = Set.of("/actuator/prometheus", "/actuator/health", "/actuator/info",
            "/login", "/logout", "/error", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (metricsOnly(SecurityContextHolder.getContext().getAuthentication()) && !open(request.getServletPath())) {
            throw new AccessDeniedException("A metrics account reads the metrics only");
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        return OPEN.contains(path) || path.startsWith("/actuator/health/") || path.startsWith("/clinic/");
    }

    private static boolean metricsOnly(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        boolean metrics = false;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (StaffRole.METRICS.authority().equals(authority.getAuthority())) {
                metrics = true;
            } else if (authority.getAuthority() != null && authority.getAuthority().startsWith("ROLE_")) {
                return false;
            }
        }
        return metrics;
    }
}
