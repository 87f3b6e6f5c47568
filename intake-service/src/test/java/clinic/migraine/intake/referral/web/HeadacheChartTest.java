package clinic.migraine.intake.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeadacheChartTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 1, 5);

    @Test
    void drawsReadingsTreatmentsBaselineAndContinuationLineWithLabelledAxes() {
        String svg = HeadacheChart.svg(List.of(new HeadacheChart.Reading(REFERRED, 20, "Referral"),
                new HeadacheChart.Reading(REFERRED.plusDays(60), 12, "Diary")),
                List.of(REFERRED.plusDays(20)), 20, 10.0);

        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "<title id=\"chart-title\">",
                "<desc id=\"chart-desc\">", "Headache days per month</text>", ">Date</text>");
        assertThat(svg).containsOnlyOnce("class=\"treatment\"").containsOnlyOnce("class=\"baseline\"")
                .containsOnlyOnce("class=\"continuation\"").contains("Baseline 20", "continuation line 10.0");
        assertThat(svg.split("class=\"reading\"", -1)).hasSize(3);
    }

    @Test
    void headacheDaysMapFromTheBottomToTheTopOfThePlot() {
        assertThat(HeadacheChart.y(0)).isEqualTo(HeadacheChart.HEIGHT - HeadacheChart.BOTTOM);
        assertThat(HeadacheChart.y(31)).isEqualTo(HeadacheChart.TOP);
        assertThat(HeadacheChart.y(40)).isEqualTo(HeadacheChart.TOP);
        assertThat(HeadacheChart.y(15)).isBetween((double) HeadacheChart.TOP,
                (double) HeadacheChart.HEIGHT - HeadacheChart.BOTTOM);
    }

    @Test
    void linesAreLeftOutWhenTheirValueIsUnknownAndNothingIsDrawnWithoutData() {
        String svg = HeadacheChart.svg(List.of(new HeadacheChart.Reading(REFERRED, 18, "Referral")), List.of(),
                null, null);

        assertThat(svg).doesNotContain("class=\"baseline\"", "class=\"continuation\"", "class=\"treatment\"");
        assertThat(HeadacheChart.svg(List.of(), List.of(), 18, 9.0)).isNull();
    }

    @Test
    void textIsEscaped() {
        assertThat(HeadacheChart.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }
}
