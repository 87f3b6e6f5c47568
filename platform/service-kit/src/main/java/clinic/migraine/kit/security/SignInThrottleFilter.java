package clinic.migraine.kit.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the sign-in form and HTTP Basic: an attempt for a locked account, or from a locked address, is
 * answered at once, without checking any password (429 problem details with Retry-After on the API, the sign-in
 * page saying so in a browser). {@link SignInOutcomes} counts the outcomes.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String account = form ? request.getParameter("username") : basicAccount(request);
        if (!form && account == null) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = throttle.waitFor(account, request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
        } else if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes(wait));
        } else {
            response.setHeader("Retry-After", Long.toString(seconds(wait)));
            ProblemResponses.write(response, 429, "too-many-sign-ins", "Too Many Requests",
                    "Too many failed sign-ins for this account or from this address; try again in "
                            + seconds(wait) + " s.");
        }
    }

    /** The account an HTTP Basic header names, or null (a malformed header is left to Spring Security). */
    private static String basicAccount(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (seconds(wait) + 59) / 60);
    }
}
