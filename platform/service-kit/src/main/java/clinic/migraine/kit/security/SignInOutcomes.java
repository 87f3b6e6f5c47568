package clinic.migraine.kit.security;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Spring Security's sign-in outcomes (form and HTTP Basic alike) counted by the {@link SignInThrottle}: a wrong
 * password or an unknown account against the account and the client address, a success clearing the account.
 */
final class SignInOutcomes implements ApplicationListener<AbstractAuthenticationEvent> {

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        Authentication attempt = event.getAuthentication();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
            throttle.failed(attempt.getName(), address);
        } else if (event instanceof AuthenticationSuccessEvent) {
            throttle.succeeded(attempt.getName());
        }
    }
}
