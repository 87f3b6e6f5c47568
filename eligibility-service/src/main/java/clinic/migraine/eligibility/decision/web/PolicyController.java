package clinic.migraine.eligibility.decision.web;

import java.util.Collection;

import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    /** Every payer policy loaded, with its version and criteria. */
    @GetMapping(path = "/api/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    Collection<Policy> policies() {
        return policies.all();
    }
}
