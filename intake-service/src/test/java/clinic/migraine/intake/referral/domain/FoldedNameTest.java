package clinic.migraine.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedNameTest {

    @Test
    void caseAccentsSpacesHyphensAndApostrophesAreFoldedAway() {
        FoldedName expected = FoldedName.of("dangelonunez");

        assertThat(FoldedName.of("D'Angelo-Núñez")).isEqualTo(expected);
        assertThat(FoldedName.of("DANGELO NUNEZ")).isEqualTo(expected);
        assertThat(FoldedName.of("D\u2019Angelo \u2013 Nun\u0303ez")).isEqualTo(expected);
        assertThat(FoldedName.of("  d angelo\tnunez ")).isEqualTo(expected);
        assertThat(expected.value()).isEqualTo("dangelonunez");
    }

    @Test
    void lettersWithoutSeparableAccentsFoldToTheirPlainSpelling() {
        assertThat(FoldedName.of("Strauß")).isEqualTo(FoldedName.of("Strauss"));
        assertThat(FoldedName.of("Søren-Łukasz")).isEqualTo(FoldedName.of("sorenlukasz"));
    }

    @Test
    void differentLettersStayDifferent() {
        assertThat(FoldedName.of("Lopez")).isNotEqualTo(FoldedName.of("Lopes"));
        assertThat(FoldedName.of("O'Neil")).isNotEqualTo(FoldedName.of("Neil"));
    }
}
