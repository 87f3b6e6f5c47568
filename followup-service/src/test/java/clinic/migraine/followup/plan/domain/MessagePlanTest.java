package clinic.migraine.followup.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessagePlanTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    static final UUID REFERRAL = UUID.randomUUID();
    static final UUID VISIT = UUID.randomUUID();

    final MessagePlan plan = new MessagePlan(List.of(Duration.ofDays(7), Duration.ofDays(1)), Duration.ofDays(14),
            Duration.ofDays(30), 2, Duration.ofDays(70), Duration.ofDays(84),
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)));

    static KnownAppointment visitAt(Instant start) {
        return new KnownAppointment(VISIT, REFERRAL, 1, start, start.plus(Duration.ofMinutes(30)), "Dr. Rivera",
                "Marina Del Rey", "America/Los_Angeles", VisitStatus.BOOKED);
    }

    static Contact contact(Channel preferred) {
        return new Contact(REFERRAL, "ana@example.org", "+13105550100", "America/New_York", preferred, false, false,
                false, false);
    }

    @Test
    void aBookingIsConfirmedAtOnceAndRemindedSevenDaysAndOneDayBefore() {
        Instant start = NOW.plus(Duration.ofDays(10));

        assertThat(plan.booked(visitAt(start), NOW))
                .extracting(PlannedMessage::kind, PlannedMessage::label, PlannedMessage::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MessageKind.CONFIRMATION, "booked@" + start, NOW),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.REMINDER, "PT168H@" + start,
                                start.minus(Duration.ofDays(7))),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.REMINDER, "PT24H@" + start,
                                start.minus(Duration.ofDays(1))));
        assertThat(plan.booked(visitAt(start), NOW)).allSatisfy(message -> {
            assertThat(message.subjectKey()).isEqualTo("appointment:" + VISIT);
            assertThat(message.appointmentId()).isEqualTo(VISIT);
            assertThat(message.cycle()).isEqualTo(1);
        });
    }

    @Test
    void aContactThatArrivesAfterTheBookingStillGetsItsConfirmationAndReminders() {
        Instant start = NOW.plus(Duration.ofDays(10));
        KnownAppointment cancelled = new KnownAppointment(UUID.randomUUID(), REFERRAL, 1, start.plusSeconds(1800),
                start.plusSeconds(3600), "Dr. Rivera", "Marina Del Rey", "America/Los_Angeles", VisitStatus.CANCELLED);

        assertThat(plan.contactArrived(List.of(visitAt(start), cancelled), NOW))
                .as("the booked visit is announced as if just booked; the cancelled one is not")
                .isEqualTo(plan.booked(visitAt(start), NOW));
        assertThat(plan.contactArrived(List.of(visitAt(NOW)), NOW)).as("a visit starting now").isEmpty();
        assertThat(plan.contactArrived(List.of(visitAt(NOW.plusSeconds(1))), NOW)).as("a visit a moment ahead")
                .extracting(PlannedMessage::kind).containsExactly(MessageKind.CONFIRMATION);
        assertThat(plan.contactArrived(List.of(), NOW)).isEmpty();
    }

    @Test
    void aReminderWhoseTimeHasComeIsNotPlannedOneStillAheadIs() {
        Instant dayAhead = NOW.plus(Duration.ofDays(1));

        assertThat(reminders(plan.booked(visitAt(dayAhead.minusMillis(1)), NOW))).as("due a moment ago").isEmpty();
        assertThat(reminders(plan.booked(visitAt(dayAhead), NOW))).as("due right now").isEmpty();
        assertThat(reminders(plan.booked(visitAt(dayAhead.plusMillis(1)), NOW))).as("due a moment ahead")
                .singleElement().satisfies(reminder -> assertThat(reminder.due()).isEqualTo(NOW.plusMillis(1)));
    }

    @Test
    void aMovedVisitIsAnnouncedWithItsNewTimeAndRemindedAgain() {
        Instant start = NOW.plus(Duration.ofDays(3));

        assertThat(plan.rescheduled(visitAt(start), NOW))
                .extracting(PlannedMessage::kind, PlannedMessage::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageKind.RESCHEDULE_NOTICE, "moved@" + start),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.REMINDER, "PT24H@" + start));
    }

    @Test
    void aCancelledOrMissedVisitIsAnnouncedWithItsStatus() {
        assertThat(plan.closed(REFERRAL, VISIT, 2, VisitStatus.NO_SHOW, NOW)).isEqualTo(new PlannedMessage(REFERRAL,
                "appointment:" + VISIT, MessageKind.CANCELLATION_NOTICE, "noshow", VISIT, 2, NOW));
        assertThat(plan.closed(REFERRAL, VISIT, 2, VisitStatus.CANCELLED, NOW).label()).isEqualTo("cancelled");
    }

    @Test
    void aTreatmentIsFollowedByACheckInTwoDiaryRequestsAndTheNextCycleCheck() {
        LocalDate treated = LocalDate.of(2026, 3, 2);

        MessagePlan.AfterTreatment after = plan.treated(REFERRAL, 1, NOW, treated);

        assertThat(after.messages()).extracting(PlannedMessage::kind, PlannedMessage::label, PlannedMessage::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MessageKind.AFTERCARE, "day-of-treatment", NOW),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.CHECK_IN, "after-treatment",
                                NOW.plus(Duration.ofDays(14))),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.DIARY_REQUEST, "diary-1",
                                NOW.plus(Duration.ofDays(30))),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.DIARY_REQUEST, "diary-2",
                                NOW.plus(Duration.ofDays(60))));
        assertThat(after.messages()).allSatisfy(m -> assertThat(m.subjectKey()).isEqualTo("cycle:" + REFERRAL + ":1"));
        assertThat(after.check()).isEqualTo(new CycleCheck(REFERRAL, 1, treated));
        assertThat(after.checkAt()).isEqualTo(NOW.plus(Duration.ofDays(70)));
    }

    @Test
    void noDiaryRequestIsPlannedWhenNoneAreAskedFor() {
        MessagePlan none = new MessagePlan(plan.reminderLeadTimes(), plan.checkInAfter(), plan.diaryEvery(), 0,
                plan.nextCycleAfter(), plan.minimumInterval(), plan.quietHours());

        assertThat(none.treated(REFERRAL, 1, NOW, LocalDate.of(2026, 3, 2)).messages())
                .extracting(PlannedMessage::kind).containsExactly(MessageKind.AFTERCARE, MessageKind.CHECK_IN);
    }

    @Test
    void aRefusalEndsTheCourseFromTheSecondCycleOn() {
        assertThat(plan.endsCourse(1, true)).as("cycle 1 refused").isFalse();
        assertThat(plan.endsCourse(2, true)).as("cycle 2 refused").isTrue();
        assertThat(plan.endsCourse(3, true)).as("cycle 3 refused").isTrue();
        assertThat(plan.endsCourse(2, false)).as("cycle 2 not refused").isFalse();
        assertThat(plan.courseEnded(REFERRAL, 2, NOW)).isEqualTo(new PlannedMessage(REFERRAL, "course:" + REFERRAL,
                MessageKind.COURSE_ENDED, "cycle-2", null, 2, NOW));
    }

    @Test
    void anUrgentAnswerAlertsTheClinicAdvisesThePatientAndEscalatesEveryFifteenMinutesThreeTimes() {
        UUID answered = UUID.randomUUID();
        String subject = "urgent:" + answered;

        assertThat(plan.urgentAnswer(REFERRAL, answered, 1, NOW)).containsExactly(
                new PlannedMessage(REFERRAL, subject, MessageKind.URGENT_ALERT, "clinic", null, 1, NOW),
                new PlannedMessage(REFERRAL, subject, MessageKind.URGENT_ADVICE, "patient", null, 1, NOW),
                new PlannedMessage(REFERRAL, subject, MessageKind.ALERT_ESCALATION, "escalation-1", null, 1,
                        NOW.plus(Duration.ofMinutes(15)), Channel.EMAIL),
                new PlannedMessage(REFERRAL, subject, MessageKind.ALERT_ESCALATION, "escalation-2", null, 1,
                        NOW.plus(Duration.ofMinutes(30)), Channel.EMAIL),
                new PlannedMessage(REFERRAL, subject, MessageKind.ALERT_ESCALATION, "escalation-3", null, 1,
                        NOW.plus(Duration.ofMinutes(45)), Channel.EMAIL));
    }

    @Test
    void withAnOnCallPhoneEachEscalationGoesBySmsTooAndNoneWhenSetToNone() {
        UUID answered = UUID.randomUUID();
        MessagePlan withPhone = new MessagePlan(plan.reminderLeadTimes(), plan.checkInAfter(), plan.diaryEvery(),
                plan.diaryRequests(), plan.nextCycleAfter(), plan.minimumInterval(), plan.quietHours(),
                new Escalation(Duration.ofMinutes(10), 2, true));
        List<PlannedMessage> escalations = withPhone.urgentAnswer(REFERRAL, answered, 2, NOW).stream()
                .filter(m -> m.kind() == MessageKind.ALERT_ESCALATION).toList();

        assertThat(escalations).extracting(PlannedMessage::label, PlannedMessage::channel, PlannedMessage::due)
                .containsExactly(tuple("escalation-1", Channel.EMAIL, NOW.plus(Duration.ofMinutes(10))),
                        tuple("escalation-1", Channel.SMS, NOW.plus(Duration.ofMinutes(10))),
                        tuple("escalation-2", Channel.EMAIL, NOW.plus(Duration.ofMinutes(20))),
                        tuple("escalation-2", Channel.SMS, NOW.plus(Duration.ofMinutes(20))));

        MessagePlan never = new MessagePlan(plan.reminderLeadTimes(), plan.checkInAfter(), plan.diaryEvery(),
                plan.diaryRequests(), plan.nextCycleAfter(), plan.minimumInterval(), plan.quietHours(),
                new Escalation(Duration.ofMinutes(10), 0, true));
        assertThat(never.urgentAnswer(REFERRAL, answered, 2, NOW)).extracting(PlannedMessage::kind)
                .containsExactly(MessageKind.URGENT_ALERT, MessageKind.URGENT_ADVICE);
    }

    @Test
    void anEscalationIsPlacedOnItsOwnChannelAtOnceEvenInQuietHours() {
        Instant midnightNewYork = Instant.parse("2026-03-03T05:00:00Z");
        PlannedMessage sms = new PlannedMessage(REFERRAL, "urgent:x", MessageKind.ALERT_ESCALATION, "escalation-1",
                null, 1, midnightNewYork, Channel.SMS);

        Message placed = plan.place(sms, contact(Channel.EMAIL));
        assertThat(placed.channel()).isEqualTo(Channel.SMS);
        assertThat(placed.dueAt()).isEqualTo(midnightNewYork);
    }

    @Test
    void aMessageGoesOnThePatientsChannelButTheClinicsAlertAlwaysByEmail() {
        Instant noonNewYork = Instant.parse("2026-03-02T17:00:00Z");

        assertThat(plan.place(planned(MessageKind.REMINDER, noonNewYork), contact(Channel.SMS)).channel())
                .isEqualTo(Channel.SMS);
        assertThat(plan.place(planned(MessageKind.URGENT_ADVICE, noonNewYork), contact(Channel.SMS)).channel())
                .isEqualTo(Channel.SMS);
        assertThat(plan.place(planned(MessageKind.URGENT_ALERT, noonNewYork), contact(Channel.SMS)).channel())
                .isEqualTo(Channel.EMAIL);
    }

    @Test
    void aPlacedMessageIsPlannedWithItsOwnIdAndNothingSentYet() {
        PlannedMessage planned = planned(MessageKind.CHECK_IN, NOW);

        Message placed = plan.place(planned, contact(Channel.EMAIL));

        assertThat(placed.id()).isNotNull();
        assertThat(placed).extracting(Message::referralId, Message::subjectKey, Message::kind, Message::label,
                Message::cycle, Message::status, Message::reason, Message::sentAt)
                .containsExactly(REFERRAL, "subject", MessageKind.CHECK_IN, "label", 1, MessageStatus.PLANNED, null,
                        null);
    }

    @Test
    void quietHoursHoldOrdinaryMessagesFromNineInTheEveningToNineInTheMorning() {
        Contact newYork = contact(Channel.EMAIL);
        Instant nineAmNextDay = Instant.parse("2026-03-03T14:00:00Z");

        assertThat(plan.place(planned(MessageKind.REMINDER, local("2026-03-02T20:59")), newYork).dueAt())
                .as("20:59 goes").isEqualTo(local("2026-03-02T20:59"));
        assertThat(plan.place(planned(MessageKind.REMINDER, local("2026-03-02T21:00")), newYork).dueAt())
                .as("21:00 waits").isEqualTo(nineAmNextDay);
        assertThat(plan.place(planned(MessageKind.REMINDER, local("2026-03-03T08:59")), newYork).dueAt())
                .as("08:59 waits").isEqualTo(nineAmNextDay);
        assertThat(plan.place(planned(MessageKind.REMINDER, local("2026-03-03T09:00")), newYork).dueAt())
                .as("09:00 goes").isEqualTo(nineAmNextDay);
    }

    @Test
    void urgentMessagesIgnoreQuietHours() {
        Instant elevenPmNewYork = local("2026-03-02T23:00");

        assertThat(plan.place(planned(MessageKind.URGENT_ADVICE, elevenPmNewYork), contact(Channel.EMAIL)).dueAt())
                .isEqualTo(elevenPmNewYork);
        assertThat(plan.place(planned(MessageKind.URGENT_ALERT, elevenPmNewYork), contact(Channel.EMAIL)).dueAt())
                .isEqualTo(elevenPmNewYork);
    }

    @Test
    void theNextCycleIsDueNoEarlierThanEightyFourDaysAfterTheLastTreatment() {
        LocalDate treated = LocalDate.of(2026, 3, 2);

        Optional<CycleDue> due = plan.nextCycle(new CycleCheck(REFERRAL, 1, treated), Optional.of(contact(Channel.EMAIL)),
                9, NOW);

        assertThat(due).contains(new CycleDue(REFERRAL, 1, treated, treated.plusDays(84), 9, NOW));
        assertThat(due.get().earliestDate()).isAfter(treated.plusDays(83)).isBefore(treated.plusDays(85));
        assertThat(due.get().nextCycle()).isEqualTo(2);
    }

    @Test
    void theNextCycleIsDueWithoutADiaryAnswerAndForAContactNeverHeardOf() {
        CycleCheck check = new CycleCheck(REFERRAL, 2, LocalDate.of(2026, 3, 2));

        assertThat(plan.nextCycle(check, Optional.empty(), null, NOW)).hasValueSatisfying(due -> {
            assertThat(due.latestHeadacheDays()).isNull();
            assertThat(due.nextCycle()).isEqualTo(3);
        });
    }

    @Test
    void noNextCycleOnceTheReferralIsWithdrawnOrTheCourseEnded() {
        CycleCheck check = new CycleCheck(REFERRAL, 1, LocalDate.of(2026, 3, 2));
        Contact withdrawn = new Contact(REFERRAL, "a@example.org", null, "UTC", Channel.EMAIL, false, false, true, false);
        Contact ended = new Contact(REFERRAL, "a@example.org", null, "UTC", Channel.EMAIL, false, false, false, true);

        assertThat(plan.nextCycle(check, Optional.of(withdrawn), 9, NOW)).isEmpty();
        assertThat(plan.nextCycle(check, Optional.of(ended), 9, NOW)).isEmpty();
    }

    @Test
    void aCycleCheckTravelsInItsTimerAndComesBackTheSame() {
        CycleCheck check = new CycleCheck(REFERRAL, 3, LocalDate.of(2026, 3, 2));

        assertThat(check.key()).isEqualTo(REFERRAL + ":3");
        assertThat(check.data()).isEqualTo(REFERRAL + "|3|2026-03-02");
        assertThat(CycleCheck.parse(check.data())).isEqualTo(check);
    }

    private static List<PlannedMessage> reminders(List<PlannedMessage> planned) {
        return planned.stream().filter(m -> m.kind() == MessageKind.REMINDER).toList();
    }

    private static PlannedMessage planned(MessageKind kind, Instant due) {
        return new PlannedMessage(REFERRAL, "subject", kind, "label", null, 1, due);
    }

    /** A wall-clock time in New York (EST in early March 2026, before the change to daylight saving time). */
    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
    }
}
