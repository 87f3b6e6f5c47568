package clinic.migraine.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.LinkTokens;
import clinic.migraine.followup.checkin.application.LinkTokens.Link;
import clinic.migraine.followup.checkin.application.LinkTokens.Purpose;
import clinic.migraine.followup.checkin.application.LinkTokens.Valid;
import org.junit.jupiter.api.Test;

class LinkKeyConfigurationTest {

    private static final String OLD = "the-single-link-secret-of-before-32-chars";
    private static final String NEW = "the-second-key-of-at-least-thirty-two-chars";

    @Test
    void theOlderSingleSecretKeepsWorkingAsKeyOne() {
        assertThat(FollowupConfiguration.linkKeys(null, OLD, 1, false)).containsExactly(Map.entry(1, OLD));
    }

    @Test
    void addingASecondKeyKeepsTheOlderSecretAsKeyOneSoLinksAlreadySentStillOpen() {
        Map<Integer, String> ring = FollowupConfiguration.linkKeys(Map.of(2, NEW), OLD, 2, false);
        String sentBefore = new LinkTokens(OLD).issue(new Link(Purpose.CHECK_IN, UUID.randomUUID(),
                Instant.now().plusSeconds(3600)));

        assertThat(ring).containsExactly(Map.entry(1, OLD), Map.entry(2, NEW));
        assertThat(new LinkTokens(2, ring).check(sentBefore, Purpose.CHECK_IN, Instant.now()))
                .isInstanceOf(Valid.class);
    }

    @Test
    void aKeyOneOfTheKeysWinsOverTheOlderSecret() {
        assertThat(FollowupConfiguration.linkKeys(Map.of(1, NEW), OLD, 1, false)).containsExactly(Map.entry(1, NEW));
    }

    @Test
    void outsideLocalNoKeyTheDemoKeyOrAShortOneStopsTheService() {
        assertThatThrownBy(() -> FollowupConfiguration.linkKeys(null, null, 1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clinic.followup.links.keys");
        assertThatThrownBy(() -> FollowupConfiguration.linkKeys(Map.of(1, FollowupProperties.LOCAL_LINK_SECRET), null,
                1, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FollowupConfiguration.linkKeys(Map.of(2, "short"), OLD, 2, false))
                .isInstanceOf(IllegalStateException.class);
        assertThat(FollowupConfiguration.linkKeys(null, null, 1, true))
                .containsExactly(Map.entry(1, FollowupProperties.LOCAL_LINK_SECRET));
    }

    @Test
    void theSigningKeyMustBeAmongTheKeys() {
        assertThatThrownBy(() -> FollowupConfiguration.linkKeys(Map.of(1, OLD), null, 2, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-id is 2");
    }
}
