package clinic.migraine.followup.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class CourseEndReasonTest {

    @Test
    void eachReasonCodeIsToldAsWhatItMeansForThePatient() {
        assertThat(CourseEndReason.of(List.of("INSUFFICIENT_RESPONSE"))).containsExactly(CourseEndReason.LITTLE_BENEFIT);
        assertThat(CourseEndReason.of(List.of("EPISODIC_CONVERSION"))).containsExactly(CourseEndReason.EPISODIC);
        assertThat(CourseEndReason.of(List.of("COURSE_LIMIT_REACHED"))).containsExactly(CourseEndReason.COURSE_LIMIT);
        for (String medical : List.of("CONTRAINDICATED", "INJECTION_SITE_INFECTION", "NEUROMUSCULAR_CAUTION",
                "PREGNANCY_CAUTION", "CONCURRENT_CGRP_ANTIBODY")) {
            assertThat(CourseEndReason.of(List.of(medical))).as(medical).containsExactly(CourseEndReason.MEDICAL);
        }
    }

    @Test
    void noCodeOrAnUnknownOneIsTheCliniciansDecisionNotAGuess() {
        assertThat(CourseEndReason.of(List.of())).containsExactly(CourseEndReason.CLINICIAN_DECISION);
        assertThat(CourseEndReason.of(List.of("SOMETHING_NEWER"))).containsExactly(CourseEndReason.CLINICIAN_DECISION);
    }

    @Test
    void severalReasonsAreAllKeptAndSurviveTheStore() {
        var reasons = CourseEndReason.of(List.of("INSUFFICIENT_RESPONSE", "EPISODIC_CONVERSION", "INSUFFICIENT_RESPONSE"));
        assertThat(reasons).containsExactlyInAnyOrder(CourseEndReason.LITTLE_BENEFIT, CourseEndReason.EPISODIC);
        assertThat(CourseEndReason.read(CourseEndReason.store(reasons))).isEqualTo(reasons);
        assertThat(CourseEndReason.read(null)).isEmpty();
        assertThat(CourseEndReason.read(CourseEndReason.store(EnumSet.noneOf(CourseEndReason.class)))).isEmpty();
    }
}
