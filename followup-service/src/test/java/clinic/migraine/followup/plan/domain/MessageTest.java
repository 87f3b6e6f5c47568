package clinic.migraine.followup.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    static final UUID REFERRAL = UUID.randomUUID();
    static final UUID VISIT = UUID.randomUUID();

    static final Contact REACHABLE = new Contact(REFERRAL, "ana@example.org", "+13105550100", "America/New_York",
            Channel.EMAIL, false, false, false, false);

    @Test
    void aMessageToAReachablePatientGoes() {
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(REACHABLE, null, NOW)).isEmpty();
        assertThat(message(MessageKind.CHECK_IN, Channel.SMS).reasonNotToSend(REACHABLE, null, NOW)).isEmpty();
    }

    @Test
    void anOptOutOrAMissingAddressStopsMessagesOnThatChannelOnly() {
        Contact noEmail = new Contact(REFERRAL, null, "+13105550100", "UTC", Channel.EMAIL, false, false, false, false);
        Contact emailOut = new Contact(REFERRAL, "a@example.org", "+13105550100", "UTC", Channel.EMAIL, true, false,
                false, false);
        Contact noPhone = new Contact(REFERRAL, "a@example.org", null, "UTC", Channel.SMS, false, false, false, false);
        Contact smsOut = new Contact(REFERRAL, "a@example.org", "+13105550100", "UTC", Channel.SMS, false, true, false,
                false);

        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(noEmail, null, NOW))
                .contains("no email address");
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(emailOut, null, NOW))
                .contains("patient opted out of email");
        assertThat(message(MessageKind.CHECK_IN, Channel.SMS).reasonNotToSend(emailOut, null, NOW)).isEmpty();
        assertThat(message(MessageKind.CHECK_IN, Channel.SMS).reasonNotToSend(noPhone, null, NOW))
                .contains("no phone number");
        assertThat(message(MessageKind.CHECK_IN, Channel.SMS).reasonNotToSend(smsOut, null, NOW))
                .contains("patient opted out of SMS");
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(smsOut, null, NOW)).isEmpty();
    }

    @Test
    void theClinicsUrgentAlertGoesWhateverThePatientsSettingsAndReferral() {
        Contact optedOutAndWithdrawn = new Contact(REFERRAL, null, null, "UTC", Channel.EMAIL, true, true, true, true);

        assertThat(message(MessageKind.URGENT_ALERT, Channel.EMAIL).reasonNotToSend(optedOutAndWithdrawn, null, NOW))
                .isEmpty();
        assertThat(message(MessageKind.ALERT_ESCALATION, Channel.EMAIL).reasonNotToSend(optedOutAndWithdrawn, null,
                NOW)).as("an escalation to the on-call staff").isEmpty();
        assertThat(message(MessageKind.ALERT_ESCALATION, Channel.SMS).reasonNotToSend(optedOutAndWithdrawn, null,
                NOW)).as("an escalation to the on-call phone").isEmpty();
    }

    @Test
    void theUrgentAdviceReachesThePatientWhateverTheyOptedOutOfUnlessThereIsNoAddress() {
        Contact emailOut = new Contact(REFERRAL, "a@example.org", null, "UTC", Channel.EMAIL, true, false, false, false);
        Contact smsOutWithdrawn = new Contact(REFERRAL, null, "+13105550100", "UTC", Channel.SMS, false, true, true,
                true);
        Contact noEmail = new Contact(REFERRAL, null, "+13105550100", "UTC", Channel.EMAIL, false, false, false, false);

        assertThat(message(MessageKind.URGENT_ADVICE, Channel.EMAIL).reasonNotToSend(emailOut, null, NOW)).isEmpty();
        assertThat(message(MessageKind.URGENT_ADVICE, Channel.SMS).reasonNotToSend(smsOutWithdrawn, null, NOW))
                .isEmpty();
        assertThat(message(MessageKind.URGENT_ADVICE, Channel.EMAIL).reasonNotToSend(noEmail, null, NOW))
                .contains("no email address");
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(emailOut, null, NOW))
                .as("other messages still respect the opt-out").contains("patient opted out of email");
    }

    @Test
    void aReminderGoesOnlyWhileItsVisitIsBookedAndAhead() {
        Message reminder = message(MessageKind.REMINDER, Channel.EMAIL);

        assertThat(reminder.reasonNotToSend(REACHABLE, null, NOW)).contains("visit no longer booked");
        assertThat(reminder.reasonNotToSend(REACHABLE, visit(NOW.plusSeconds(60), VisitStatus.CANCELLED), NOW))
                .contains("visit no longer booked");
        assertThat(reminder.reasonNotToSend(REACHABLE, visit(NOW.plusSeconds(60), VisitStatus.NO_SHOW), NOW))
                .contains("visit no longer booked");
        assertThat(reminder.reasonNotToSend(REACHABLE, visit(NOW.minusMillis(1), VisitStatus.BOOKED), NOW))
                .as("started a moment ago").contains("visit already passed");
        assertThat(reminder.reasonNotToSend(REACHABLE, visit(NOW, VisitStatus.BOOKED), NOW))
                .as("starting now").contains("visit already passed");
        assertThat(reminder.reasonNotToSend(REACHABLE, visit(NOW.plusMillis(1), VisitStatus.BOOKED), NOW))
                .as("starting a moment ahead").isEmpty();
    }

    @Test
    void onlyTheCancellationNoticeStillReachesAPatientWhoseReferralWasWithdrawn() {
        Contact withdrawn = new Contact(REFERRAL, "a@example.org", null, "UTC", Channel.EMAIL, false, false, true, false);

        assertThat(message(MessageKind.CANCELLATION_NOTICE, Channel.EMAIL).reasonNotToSend(withdrawn, null, NOW))
                .isEmpty();
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).reasonNotToSend(withdrawn, null, NOW))
                .contains("referral withdrawn");
        assertThat(message(MessageKind.URGENT_ADVICE, Channel.EMAIL).reasonNotToSend(withdrawn, null, NOW))
                .as("safety advice is not silenced by a withdrawal").isEmpty();
    }

    @Test
    void aSentMessageAnnouncesWhatWentOutAndWhen() {
        Message message = new Message(UUID.randomUUID(), REFERRAL, "appointment:" + VISIT, MessageKind.CONFIRMATION,
                Channel.SMS, "booked", VISIT, 2, NOW, MessageStatus.SENDING, null, null);

        assertThat(message.sent(NOW.plusSeconds(5))).isEqualTo(new MessageSent(message.id(), REFERRAL,
                MessageKind.CONFIRMATION, Channel.SMS, NOW.plusSeconds(5), VISIT, 2));
    }

    /** 21:00-09:00 in the patient's zone: a routine message due then (a retry, a backlog) waits; urgent ones never. */
    @Test
    void aRoutineMessageFoundDueInQuietHoursWaitsForTheMorningAnUrgentOneGoes() {
        QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
        Contact newYork = new Contact(REFERRAL, "a@example.org", null, "America/New_York", Channel.EMAIL, false, false,
                false, false);
        Instant nineFiftyNinePm = Instant.parse("2026-03-02T02:59:00Z");
        Instant ninePm = Instant.parse("2026-03-02T02:00:00Z");
        Instant eightFiftyNineAm = Instant.parse("2026-03-02T13:59:00Z");
        Instant nineAm = Instant.parse("2026-03-02T14:00:00Z");
        Instant eightFiftyNinePm = Instant.parse("2026-03-02T01:59:00Z");

        assertThat(message(MessageKind.REMINDER, Channel.EMAIL).heldUntil(quiet, newYork, ninePm)).contains(nineAm);
        assertThat(message(MessageKind.REMINDER, Channel.EMAIL).heldUntil(quiet, newYork, nineFiftyNinePm))
                .contains(nineAm);
        assertThat(message(MessageKind.CHECK_IN, Channel.EMAIL).heldUntil(quiet, newYork, eightFiftyNineAm))
                .contains(nineAm);
        assertThat(message(MessageKind.REMINDER, Channel.EMAIL).heldUntil(quiet, newYork, nineAm)).isEmpty();
        assertThat(message(MessageKind.REMINDER, Channel.EMAIL).heldUntil(quiet, newYork, eightFiftyNinePm)).isEmpty();
        for (MessageKind urgent : new MessageKind[] {MessageKind.URGENT_ADVICE, MessageKind.URGENT_ALERT,
                MessageKind.ALERT_ESCALATION}) {
            assertThat(message(urgent, Channel.EMAIL).heldUntil(quiet, newYork, ninePm)).as(urgent.name()).isEmpty();
        }
    }

    @Test
    void aContactIsFollowedUpUntilWithdrawnOrTheCourseEnds() {
        assertThat(REACHABLE.followedUp()).isTrue();
        assertThat(new Contact(REFERRAL, null, null, "UTC", Channel.EMAIL, false, false, true, false).followedUp())
                .isFalse();
        assertThat(new Contact(REFERRAL, null, null, "UTC", Channel.EMAIL, false, false, false, true).followedUp())
                .isFalse();
    }

    @Test
    void onlyTheAdviceTheAlertAndItsEscalationsAreUrgentAndOnlyTheLatterTwoGoToStaff() {
        for (MessageKind kind : MessageKind.values()) {
            assertThat(kind.urgent()).as(kind.name()).isEqualTo(kind == MessageKind.URGENT_ADVICE
                    || kind == MessageKind.URGENT_ALERT || kind == MessageKind.ALERT_ESCALATION);
            assertThat(kind.toStaff()).as(kind.name())
                    .isEqualTo(kind == MessageKind.URGENT_ALERT || kind == MessageKind.ALERT_ESCALATION);
        }
    }

    @Test
    void visitStatusesReadAsTheirFhirCodes() {
        for (VisitStatus status : VisitStatus.values()) {
            assertThat(VisitStatus.ofCode(status.code())).isEqualTo(status);
        }
        assertThat(VisitStatus.NO_SHOW.code()).isEqualTo("noshow");
        assertThatThrownBy(() -> VisitStatus.ofCode("arrived")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Message message(MessageKind kind, Channel channel) {
        return new Message(UUID.randomUUID(), REFERRAL, "subject", kind, channel, "label",
                kind == MessageKind.REMINDER ? VISIT : null, 1, NOW, MessageStatus.SENDING, null, null);
    }

    private static KnownAppointment visit(Instant start, VisitStatus status) {
        return new KnownAppointment(VISIT, REFERRAL, 1, start, start.plus(Duration.ofMinutes(30)), "Dr. Rivera",
                "Marina Del Rey", "America/Los_Angeles", status);
    }
}
