package clinic.migraine.followup.plan.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import clinic.migraine.followup.plan.domain.CourseEndReason;
import clinic.migraine.followup.plan.domain.MessageKind;
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

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /** A visit at the Los Angeles clinic read by a patient in New York: the clinic's time first, theirs after. */
    @Test
    void aVisitIsGivenInTheClinicsTimeWithThePatientsOwnInBrackets() {
        Instant threePmPacific = Instant.parse("2026-12-22T23:00:00Z");

        assertThat(MessageTexts.when(threePmPacific, LOS_ANGELES, ZoneId.of("America/New_York")))
                .isEqualTo("Tuesday 22 December 2026 at 3:00 PM Pacific Time (6:00 PM your time)");
        assertThat(MessageTexts.when(threePmPacific, LOS_ANGELES, LOS_ANGELES))
                .isEqualTo("Tuesday 22 December 2026 at 3:00 PM Pacific Time");
        assertThat(MessageTexts.when(threePmPacific, LOS_ANGELES, ZoneId.of("Asia/Tokyo")))
                .isEqualTo("Tuesday 22 December 2026 at 3:00 PM Pacific Time (Wednesday 23 December, 8:00 AM your time)");
    }

    /**
     * Daylight saving ends in the US on 1 November 2026; Arizona keeps standard time all year. The week before,
     * 3:00 PM in Los Angeles is 3:00 PM in Phoenix (nothing to add); the day after, it is 4:00 PM there. New York
     * stays three hours ahead across the change.
     */
    @Test
    void eachSideFollowsItsOwnDaylightSavingRules() {
        ZoneId phoenix = ZoneId.of("America/Phoenix");
        Instant beforeTheChange = Instant.parse("2026-10-30T22:00:00Z");
        Instant afterTheChange = Instant.parse("2026-11-02T23:00:00Z");

        assertThat(MessageTexts.when(beforeTheChange, LOS_ANGELES, phoenix))
                .isEqualTo("Friday 30 October 2026 at 3:00 PM Pacific Time");
        assertThat(MessageTexts.when(afterTheChange, LOS_ANGELES, phoenix))
                .isEqualTo("Monday 2 November 2026 at 3:00 PM Pacific Time (4:00 PM your time)");
        assertThat(MessageTexts.when(beforeTheChange, LOS_ANGELES, ZoneId.of("America/New_York")))
                .isEqualTo("Friday 30 October 2026 at 3:00 PM Pacific Time (6:00 PM your time)");
        assertThat(MessageTexts.when(afterTheChange, LOS_ANGELES, ZoneId.of("America/New_York")))
                .isEqualTo("Monday 2 November 2026 at 3:00 PM Pacific Time (6:00 PM your time)");
    }

    @Test
    void everyMessageToAPatientEndsWithTheClinicsAddressAndPhone() {
        MessageTexts.Clinic clinic = new MessageTexts.Clinic("+1 310 555 0100", "4640 Admiralty Way, Marina del Rey");
        for (MessageKind kind : MessageKind.values()) {
            MessageTexts.Text signed = MessageTexts.of(kind, "Tuesday", "Marina Del Rey", null, "https://link")
                    .signedBy(clinic);
            assertThat(signed.body()).as(kind.name()).endsWith(
                    "Migraine clinic, 4640 Admiralty Way, Marina del Rey. Phone +1 310 555 0100.");
        }
    }

    @Test
    void theAftercareNamesTheCommonEffectsEverySpreadSignAndWhatToDo() {
        assertThat(MessageTexts.aftercare().body()).contains("neck pain", "headache", "trouble swallowing",
                "double or blurred vision", "weakness all over", "hoarse", "911", "eyelid");
    }

    @Test
    void noReasonKeptIsToldAsTheCliniciansDecision() {
        assertThat(MessageTexts.courseEnded(Set.of()).body()).contains(CourseEndReason.CLINICIAN_DECISION.told());
    }

    @Test
    void theConfirmationRemindersAndMovesCarryThePatientsOwnLinkToTheVisitWhenThereIsOne() {
        String link = "http://localhost:8093/visit/AQF3";
        for (MessageKind kind : java.util.List.of(MessageKind.CONFIRMATION, MessageKind.REMINDER,
                MessageKind.RESCHEDULE_NOTICE)) {
            assertThat(MessageTexts.of(kind, "Tuesday", "Marina Del Rey", null, link).body()).as(kind.name())
                    .contains("To confirm that you will come, cancel, or choose another time: " + link);
            assertThat(MessageTexts.of(kind, "Tuesday", "Marina Del Rey", null, null).body()).as(kind.name())
                    .doesNotContain("choose another time");
        }
        assertThat(MessageTexts.of(MessageKind.CANCELLATION_NOTICE, "Tuesday", "Marina Del Rey", null, link).body())
                .doesNotContain(link);
    }

    @Test
    void thePatientIsGreetedByNameOnceItIsKnown() {
        MessageTexts.Text text = MessageTexts.of(MessageKind.REMINDER, "Tuesday", "Marina Del Rey", null, null);

        assertThat(text.greeting("Ana").body()).startsWith("Hello Ana,\n\na reminder");
        assertThat(text.greeting(null).body()).startsWith("Hello,\n\na reminder");
        assertThat(text.greeting("  ").body()).startsWith("Hello,");
    }
}
