package clinic.migraine.followup.plan.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import clinic.migraine.followup.plan.domain.CourseEndReason;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

    @Test
    void theEndOfTheCourseNamesEveryReasonAndOnlyThose() {
        String littleBenefit = MessageTexts.courseEnded(Set.of(CourseEndReason.LITTLE_BENEFIT)).body();
        assertThat(littleBenefit).contains(CourseEndReason.LITTLE_BENEFIT.told())
                .doesNotContain(CourseEndReason.EPISODIC.told()).doesNotContain(CourseEndReason.COURSE_LIMIT.told());

        String both = MessageTexts.courseEnded(EnumSet.of(CourseEndReason.EPISODIC, CourseEndReason.MEDICAL)).body();
        assertThat(both).contains(CourseEndReason.EPISODIC.told()).contains(CourseEndReason.MEDICAL.told());
    }

    @Test
    void noReasonKeptIsToldAsTheCliniciansDecision() {
        assertThat(MessageTexts.courseEnded(Set.of()).body()).contains(CourseEndReason.CLINICIAN_DECISION.told());
    }
}
