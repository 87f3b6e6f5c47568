package clinic.migraine.followup.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AnswerTest {

    static final Instant NOW = Instant.parse("2026-03-16T10:00:00Z");
    static final UUID LINK = UUID.randomUUID();
    static final UUID REFERRAL = UUID.randomUUID();

    @Test
    void aCheckInWithoutSignsOfToxinSpreadIsRecordedAndAnnouncedOnly() {
        Answer.Recorded recorded = Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.DROOPING_EYELID, SideEffect.NECK_PAIN_OR_STIFFNESS), null, 3, Feeling.SAME,
                        "stiff"), NOW);

        assertThat(recorded.answer()).isEqualTo(new Answer(LINK, REFERRAL, 1, AnswerKind.CHECK_IN, null, 3,
                Feeling.SAME, java.util.List.of(SideEffect.NECK_PAIN_OR_STIFFNESS, SideEffect.DROOPING_EYELID), "stiff",
                false, NOW, null, null, null, null, null));
        assertThat(recorded.events()).containsExactly(new AnswerRecorded(LINK, REFERRAL, 1, AnswerKind.CHECK_IN, null,
                java.util.List.of(SideEffect.NECK_PAIN_OR_STIFFNESS, SideEffect.DROOPING_EYELID), false, NOW));
    }

    @Test
    void troubleSwallowingSpeakingOrBreathingIsUrgentAndRaisesTheAlarm() {
        Answer.Recorded recorded = Answer.record(LINK, REFERRAL, 2, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING, SideEffect.DROOPING_EYELID), 9, null,
                        Feeling.WORSE, null), NOW);

        assertThat(recorded.answer().urgent()).isTrue();
        var effects = java.util.List.of(SideEffect.DROOPING_EYELID, SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING);
        assertThat(recorded.events()).containsExactly(
                new AnswerRecorded(LINK, REFERRAL, 2, AnswerKind.CHECK_IN, 9, effects, true, NOW),
                new UrgentSideEffectsReported(LINK, REFERRAL, 2, effects, NOW));
    }

    /** The label's boxed warning: each sign of toxin spread alone makes the answer urgent; nothing else does. */
    @Test
    void eachSignOfToxinSpreadAndOnlyThoseMakesAnAnswerUrgent() {
        Set<SideEffect> spread = EnumSet.of(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING,
                SideEffect.DOUBLE_OR_BLURRED_VISION, SideEffect.GENERALIZED_MUSCLE_WEAKNESS,
                SideEffect.VOICE_CHANGE_OR_HOARSENESS);
        for (SideEffect effect : SideEffect.values()) {
            assertThat(new Reply(Set.of(effect), null, null, null, null).urgent()).as(effect.name())
                    .isEqualTo(spread.contains(effect));
        }
        assertThat(new Reply(EnumSet.complementOf(EnumSet.copyOf(spread)), null, null, null, null).urgent())
                .as("every other side effect at once").isFalse();
        assertThat(new Reply(Set.of(), null, null, null, null).urgent()).isFalse();
    }

    /** A drooping eyelid alone, or neck weakness, is a clinician's task; with a spread sign it is an emergency. */
    @Test
    void aDroopingEyelidAloneOrNeckWeaknessIsAClinicianTaskNotAnAlarm() {
        assertThat(new Reply(Set.of(SideEffect.DROOPING_EYELID), null, null, null, null).clinicianTask()).isTrue();
        assertThat(new Reply(Set.of(SideEffect.NECK_WEAKNESS), null, null, null, null).clinicianTask()).isTrue();
        assertThat(new Reply(Set.of(SideEffect.DROOPING_EYELID, SideEffect.NECK_PAIN_OR_STIFFNESS), null, null, null,
                null).clinicianTask()).as("eyelid with common effects").isTrue();
        for (SideEffect sign : List.of(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING, SideEffect.DOUBLE_OR_BLURRED_VISION,
                SideEffect.GENERALIZED_MUSCLE_WEAKNESS, SideEffect.VOICE_CHANGE_OR_HOARSENESS)) {
            Reply withSign = new Reply(Set.of(SideEffect.DROOPING_EYELID, sign), null, null, null, null);
            assertThat(withSign.urgent()).as("eyelid with " + sign).isTrue();
            assertThat(withSign.clinicianTask()).as("eyelid with " + sign + " is an alarm, not a task").isFalse();
        }
        for (SideEffect common : List.of(SideEffect.NECK_PAIN_OR_STIFFNESS, SideEffect.INJECTION_SITE_PAIN,
                SideEffect.HEADACHE, SideEffect.OTHER)) {
            assertThat(new Reply(Set.of(common), null, null, null, null).clinicianTask()).as(common.name()).isFalse();
        }
        assertThat(new Reply(Set.of(), null, null, null, null).clinicianTask()).isFalse();

        Answer task = Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.DROOPING_EYELID), null, null, Feeling.SAME, null), NOW).answer();
        assertThat(task.urgent()).isFalse();
        assertThat(task.clinicianTask()).isTrue();
        assertThat(task.markHandled("clinician", NOW).handledBy()).as("a task is marked done like an alert")
                .isEqualTo("clinician");
    }

    @Test
    void aDiaryCarriesTheHeadacheDaysAndNothingElse() {
        Answer.Recorded recorded = Answer.record(LINK, REFERRAL, 1, AnswerKind.DIARY,
                new Reply(Set.of(), 7, null, null, null), NOW);

        assertThat(recorded.answer().headacheDaysLast30()).isEqualTo(7);
        assertThat(recorded.answer().sideEffects()).isEmpty();
        assertThat(recorded.events()).containsExactly(
                new AnswerRecorded(LINK, REFERRAL, 1, AnswerKind.DIARY, 7, java.util.List.of(), false, NOW));
    }

    @Test
    void aBlankNoteIsNoNoteAndANoteLosesItsSurroundingSpace() {
        assertThat(reply("   ").note()).isNull();
        assertThat(reply("").note()).isNull();
        assertThat(reply(null).note()).isNull();
        assertThat(reply("  stiff neck \n").note()).isEqualTo("stiff neck");
    }

    @Test
    void theNoteStaysOutOfTheEvents() {
        Answer.Recorded recorded = Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING), null, null, null, "my words"), NOW);

        assertThat(recorded.events()).allSatisfy(event -> assertThat(event.toString()).doesNotContain("my words"));
    }

    @Test
    void aClinicianMarksAnAlertHandledOnce() {
        Answer alert = urgentAnswer();

        Answer handled = alert.markHandled("clinician", NOW.plusSeconds(60));

        assertThat(handled.handledBy()).isEqualTo("clinician");
        assertThat(handled.handledAt()).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> handled.markHandled("another", NOW.plusSeconds(120)))
                .isInstanceOf(AlertAlreadyHandled.class).hasMessage("This alert was already handled");
    }

    /** OPEN → ACKNOWLEDGED → CLOSED; closing an open alert acknowledges it; a close needs a note; once each. */
    @Test
    void anAlertIsAcknowledgedThenClosedWithANote() {
        Answer open = urgentAnswer();
        assertThat(open.alertStatus()).isEqualTo(Answer.AlertStatus.OPEN);

        Answer acknowledged = open.acknowledge("dr.lee", NOW.plusSeconds(60));
        assertThat(acknowledged.alertStatus()).isEqualTo(Answer.AlertStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> acknowledged.acknowledge("dr.kim", NOW.plusSeconds(90)))
                .isInstanceOf(AlertAlreadyHandled.class);
        assertThatThrownBy(() -> acknowledged.close("dr.lee", NOW.plusSeconds(120), "  "))
                .isInstanceOf(clinic.migraine.domain.RuleBroken.class);

        Answer closed = acknowledged.close("dr.kim", NOW.plusSeconds(600), " called, seen in ED ");
        assertThat(closed.alertStatus()).isEqualTo(Answer.AlertStatus.CLOSED);
        assertThat(closed.handledBy()).as("who acknowledged stays").isEqualTo("dr.lee");
        assertThat(closed.closedBy()).isEqualTo("dr.kim");
        assertThat(closed.closeNote()).isEqualTo("called, seen in ED");
        assertThatThrownBy(() -> closed.close("dr.lee", NOW.plusSeconds(700), "again"))
                .isInstanceOf(AlertAlreadyHandled.class).hasMessage("This alert was already closed");

        Answer closedWhileOpen = open.close("dr.kim", NOW.plusSeconds(30), "called");
        assertThat(closedWhileOpen.handledBy()).isEqualTo("dr.kim");
        assertThat(closedWhileOpen.handledAt()).isEqualTo(NOW.plusSeconds(30));

        Answer task = Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.DROOPING_EYELID), null, null, Feeling.SAME, null), NOW).answer();
        assertThat(task.alertStatus()).as("a task is no alert").isNull();
        assertThatThrownBy(() -> task.acknowledge("dr.lee", NOW)).isInstanceOf(NotAnAlert.class);
        assertThatThrownBy(() -> task.close("dr.lee", NOW, "seen")).isInstanceOf(NotAnAlert.class);
    }

    @Test
    void anAnswerThatRaisedNoAlertCannotBeHandled() {
        Answer calm = Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.HEADACHE), null, null, Feeling.BETTER, null), NOW).answer();

        assertThatThrownBy(() -> calm.markHandled("clinician", NOW)).isInstanceOf(NotAnAlert.class)
                .hasMessage("No alert with id " + LINK);
    }

    @Test
    void anAnswerSaysWhichSideEffectsWereReported() {
        Answer answer = urgentAnswer();

        assertThat(answer.reported("TROUBLE_SWALLOWING_SPEAKING_BREATHING")).isTrue();
        assertThat(answer.reported("NECK_PAIN_OR_STIFFNESS")).isFalse();
    }

    @Test
    void aSecondAnswerThroughOneLinkIsAConflict() {
        assertThat(new AlreadyAnswered()).isInstanceOf(clinic.migraine.domain.Conflict.class)
                .hasMessage("This form was already answered");
    }

    private static Answer reply(String note) {
        return Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN, new Reply(Set.of(), null, null, Feeling.BETTER,
                note), NOW).answer();
    }

    private static Answer urgentAnswer() {
        return Answer.record(LINK, REFERRAL, 1, AnswerKind.CHECK_IN,
                new Reply(Set.of(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING), null, null, Feeling.WORSE, null),
                NOW).answer();
    }
}
