package clinic.migraine.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import clinic.migraine.domain.Conflict;
import org.junit.jupiter.api.Test;

class PossibleDuplicateTest {

    private final UUID newer = UUID.randomUUID();
    private final UUID older = UUID.randomUUID();

    @Test
    void mergingMovesTheNewerPatientIntoTheOlder() {
        PossibleDuplicate.Merged merged = new PossibleDuplicate(newer, older, PossibleDuplicate.Status.OPEN).merge();

        assertThat(merged.mergedAway()).isEqualTo(newer);
        assertThat(merged.survivor()).isEqualTo(older);
    }

    @Test
    void keepingApartClosesTheFlag() {
        assertThat(new PossibleDuplicate(newer, older, PossibleDuplicate.Status.OPEN).keepApart().status())
                .isEqualTo(PossibleDuplicate.Status.KEPT_APART);
    }

    @Test
    void aResolvedFlagIsNotDecidedAgain() {
        PossibleDuplicate merged = new PossibleDuplicate(newer, older, PossibleDuplicate.Status.MERGED);
        PossibleDuplicate apart = new PossibleDuplicate(newer, older, PossibleDuplicate.Status.KEPT_APART);

        assertThatThrownBy(merged::merge).isInstanceOf(Conflict.class);
        assertThatThrownBy(merged::keepApart).isInstanceOf(Conflict.class);
        assertThatThrownBy(apart::merge).isInstanceOf(Conflict.class);
        assertThatThrownBy(apart::keepApart).isInstanceOf(Conflict.class);
    }
}
