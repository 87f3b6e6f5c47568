package clinic.migraine.kit.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.migraine.kit.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain per service. Pages: form login (session, CSRF on every form). API ({@code /api/**},
 * {@code /actuator/**}): HTTP Basic, or the page session with the CSRF header; unauthenticated gets 401 and a
 * wrong role 403, both as problem details. Health, the sign-in page and the shared look are open; each service
 * adds its {@link AccessRules}; anything else needs ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({StaffAccounts.class, SignInThrottling.class})
public class ClinicSecurityConfiguration {

    /** The audit trail's subject for every sign-in lock: {@code GET /api/audit?subject=} this lists them. */
    public static final UUID SIGN_IN_LOCKS = UUID.nameUUIDFromBytes("clinic:sign-in-locks".getBytes(StandardCharsets.UTF_8));

    private static final Logger log = LoggerFactory.getLogger(ClinicSecurityConfiguration.class);

    static final String DEMO_PASSWORD = "demo";
    static final String LOCAL_PROFILE = "local";

    /** Parsed once: the CSRF check asks it on every request. */
    private static final RequestMatcher API = path("/api/**");

    @Bean
    SecurityFilterChain clinicSecurity(HttpSecurity http, List<AccessRules> rules, SignInThrottle throttle,
            @Value("${clinic.security.hsts:true}") boolean hsts) throws Exception {
        RequestMatcher api = new OrRequestMatcher(API, path("/actuator/**"), path("/fhir/**"),
                request -> request.getHeader("Authorization") != null);
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(paths -> {
            paths.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
            paths.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
                    "/clinic/**", "/favicon.ico").permitAll();
            // the scraper's account; ADMIN implies METRICS
            paths.requestMatchers("/actuator/prometheus").hasRole(StaffRole.METRICS.name());
            paths.requestMatchers("/api/dead-letters/**", "/actuator/**").hasRole(StaffRole.ADMIN.name());
            // who read or changed a patient's records: for those who answer for them
            paths.requestMatchers("/api/audit/**").hasAnyRole(StaffRole.ADMIN.name(), StaffRole.CLINICIAN.name());
            rules.forEach(rule -> rule.configure(paths));
            paths.anyRequest().hasRole(StaffRole.ADMIN.name());
        });
        http.exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(problems, api)
                .defaultAccessDeniedHandlerFor(problems, api)
                // pages: a plain 403, which error.html shows as "Not allowed" (with one mapping only, Spring
                // Security would use the problem handler for every request)
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        // before the form's and Basic's password check, after the CSRF check
        http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new MetricsOnlyFilter(), AuthorizationFilter.class);
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false));
        http.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ClinicSecurityConfiguration::cannotBeForged));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'self'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (!hsts) {
            // Spring Security writes it on secure requests only (behind the TLS proxy: X-Forwarded-Proto https)
            http.headers(headers -> headers.httpStrictTransportSecurity(strict -> strict.disable()));
        }
        return http.build();
    }

    /** Picked up by Spring Security's filter chain proxy for requests its firewall refuses. */
    @Bean
    RequestRejectedHandler clinicRequestRejected() {
        return new ProblemResponses();
    }

    /**
     * A request that carries its own credentials (Basic), or an API call without a session cookie, cannot be
     * forged by another site, unless the browser says it comes from one: a browser that once answered a Basic
     * challenge adds those credentials to another site's form post by itself, and browsers mark such requests
     * {@code Sec-Fetch-Site: cross-site} (or same-site, for the other services on this host). A page session's
     * API calls send the token in the X-CSRF-TOKEN header.
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        return request.getHeader("Authorization") != null || (API.matches(request) && !hasSession(request));
    }

    private static boolean hasSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null || request.getSession(false) != null;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * No observation (trace span, timer) around each of the security filters of every request: they cost more CPU
     * than the request's own work on the API's hot paths. Sign-ins and access decisions are still observed, and
     * every request still has its own span and timer ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings clinicSecurityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    static RoleHierarchy clinicRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(StaffRole.ADMIN.name())
                .implies(StaffRole.INTAKE.name(), StaffRole.CLINICIAN.name(), StaffRole.SCHEDULER.name(),
                        StaffRole.METRICS.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder(ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        PasswordEncoder encoder = new RememberedPasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                clock.getIfAvailable(Clock::systemUTC));
        MeterRegistry registry = meters.getIfAvailable();
        return registry == null ? encoder : new CountedPasswordEncoder(encoder, registry);
    }

    @Bean
    SignInThrottle signInThrottle(SignInThrottling settings, ObjectProvider<Clock> clock,
            ObjectProvider<AuditTrail> audit) {
        return new SignInThrottle(settings, clock.getIfAvailable(Clock::systemUTC), new SignInThrottle.Locks() {
            @Override
            public void accountLocked(String typed, String address, int failures, Duration lockedFor) {
                String account = shown(typed);
                log.warn("Sign-in locked for account {} for {} after {} failures in a row, the last from {}",
                        account, lockedFor, failures, address);
                audit(audit, "sign-in locked", "account", "account " + account + ": " + failures
                        + " failed sign-ins in a row, the last from " + address + "; locked for " + lockedFor);
            }

            @Override
            public void addressLocked(String address, int failures, Duration lockedFor) {
                log.warn("Sign-in locked from address {} for {} after {} failures", address, lockedFor, failures);
                audit(audit, "sign-in locked", "address", "address " + address + ": " + failures
                        + " failed sign-ins; locked for " + lockedFor);
            }
        });
    }

    @Bean
    ApplicationListener<AbstractAuthenticationEvent> signInOutcomes(SignInThrottle throttle) {
        return new SignInOutcomes(throttle);
    }

    /** An account name as typed, which may be anything: no control characters (a forged log line), at most 64, for the log and audit. */
    static String shown(String typed) {
        String printable = typed.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }

    /** A lock holds even when its audit entry cannot be written (the warning above says it happened). */
    private static void audit(ObjectProvider<AuditTrail> audit, String action, String subjectType, String detail) {
        AuditTrail trail = audit.getIfAvailable();
        if (trail == null) {
            return;
        }
        try {
            trail.recordBy(Actors.SYSTEM, action, subjectType, SIGN_IN_LOCKS, null, detail);
        } catch (RuntimeException e) {
            log.warn("Sign-in lock not audited: {}", e.getClass().getName());
        }
    }

    /** The configured accounts; refuses to start without any, with a plain-text password, or with the demo one outside the local profile. */
    @Bean
    UserDetailsService staffAccounts(StaffAccounts accounts, PasswordEncoder encoder, Environment environment) {
        if (accounts.users().isEmpty()) {
            throw new IllegalStateException("No staff accounts: set clinic.security.users (name, a bcrypt password "
                    + "hash as {bcrypt}..., roles), or run with the local profile for the demo accounts");
        }
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        List<UserDetails> users = new ArrayList<>();
        for (StaffAccounts.Account account : accounts.users()) {
            if (account.name() == null || account.name().isBlank() || account.password() == null
                    || !account.password().startsWith("{bcrypt}")) {
                throw new IllegalStateException("Staff account '" + account.name()
                        + "' needs a name and a password hash written as {bcrypt}$2a$...");
            }
            if (account.roles().isEmpty()) {
                throw new IllegalStateException("Staff account '" + account.name() + "' has no roles");
            }
            if (!local && encoder.matches(DEMO_PASSWORD, account.password())) {
                throw new IllegalStateException("Staff account '" + account.name()
                        + "' has the demo password, which is refused outside the local profile");
            }
            users.add(User.withUsername(account.name()).password(account.password())
                    .authorities(account.roles().stream().map(StaffRole::authority).toArray(String[]::new))
                    .build());
        }
        // Only the look-up, not the manager itself: Spring Security "upgrades" a hash weaker than its default
        // (bcrypt cost 10) through a UserDetailsPasswordService, which would turn every HTTP Basic call into a
        // cost-10 check (about 60 ms of CPU here) and rewrite configured hashes behind the operator's back.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }
}
