package clinic.migraine.eligibility.decision.persistence;

import java.util.List;

import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Decision;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jsonb columns: reasons as {@code [{"code": ..., "message": ...}]} and the baseline facts as the referral gave
 * them.
 */
@Component
class StoredJson {

    private static final TypeReference<List<Decision.Reason>> REASONS = new TypeReference<>() { };

    private final JsonMapper json;

    StoredJson(JsonMapper json) {
        this.json = json;
    }

    String reasons(List<Decision.Reason> reasons) {
        return json.writeValueAsString(reasons);
    }

    List<Decision.Reason> reasons(String stored) {
        return json.readValue(stored, REASONS);
    }

    String authorization(Authorization authorization) {
        return json.writeValueAsString(authorization);
    }

    Authorization authorization(String stored) {
        return json.readValue(stored, Authorization.class);
    }

    String baseline(Baseline baseline) {
        return json.writeValueAsString(baseline);
    }

    Baseline baseline(String stored) {
        return json.readValue(stored, Baseline.class);
    }
}
