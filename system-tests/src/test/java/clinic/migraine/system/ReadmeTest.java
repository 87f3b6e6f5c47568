package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import clinic.migraine.system.Readme.Endpoint;
import org.junit.jupiter.api.Test;

/** How README's endpoint and topic tables are read, so the tests that compare them with the code read them right. */
class ReadmeTest {

    @Test
    void anEndpointCellIsReadAsMethodsAndPathsWithVariablesAndQueriesDropped() {
        List<Endpoint> endpoints = Readme.endpointsIn("`POST /api/referrals` (optional `Idempotency-Key`), "
                + "`GET /api/referrals?status=&q=`, `POST /api/patients/{id}/duplicates/{otherId}/merge`, `.../keep-apart`, "
                + "`GET/POST /checkins/{token}` (patient form), `GET /api/audit?subject=<id>`, `/actuator/health`, "
                + "`POST /api/alerts/{id}/close` (`{\"note\"}`), `GET /api/appointments/{id}.ics`");
        assertThat(endpoints).extracting(Endpoint::toString).containsExactly(
                "POST /api/referrals", "GET /api/referrals", "POST /api/patients/{}/duplicates/{}/merge",
                "POST /api/patients/{}/duplicates/{}/keep-apart", "GET /checkins/{}", "POST /checkins/{}",
                "GET /api/audit", "GET /actuator/health", "POST /api/alerts/{}/close", "GET /api/appointments/{}.ics");
    }

    @Test
    void aContinuationWithoutAPathBeforeItIsAnError() {
        assertThatThrownBy(() -> Readme.endpointsIn("`.../cancel`")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTopicTableIsReadByColumnName() {
        Readme readme = Readme.of("""
                | topic | writer | read by | event |
                |---|---|---|---|
                | `referral-submitted` | intake | eligibility, followup | patient |
                | `slot-offered` | scheduling | followup | offer |

                | service | endpoints |
                |---|---|
                | intake | `POST /api/referrals` |
                """);
        assertThat(readme.topics("read by")).containsExactly(java.util.Map.entry("referral-submitted", "eligibility, followup"),
                java.util.Map.entry("slot-offered", "followup"));
        assertThat(readme.topics("writer")).containsEntry("slot-offered", "scheduling");
        assertThat(readme.endpoints()).containsOnlyKeys("intake");
        assertThatThrownBy(() -> readme.topics("owner")).isInstanceOf(IllegalStateException.class);
    }
}
