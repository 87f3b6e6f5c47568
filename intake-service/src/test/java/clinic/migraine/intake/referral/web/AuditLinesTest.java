package clinic.migraine.intake.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.kit.audit.AuditTrail;
import org.junit.jupiter.api.Test;

class AuditLinesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID REFERRAL = UUID.randomUUID();

    @Test
    void mergesIntakesOwnEntriesWithTheActionsOtherServicesReportByTime() {
        List<AuditTrail.Entry> own = List.of(
                new AuditTrail.Entry(T0, "intake", "referral submitted", "referral", REFERRAL, REFERRAL,
                        "payer policy label"),
                new AuditTrail.Entry(T0.plusSeconds(300), "intake", "referral withdrawn", "referral", REFERRAL,
                        REFERRAL, "was SCHEDULED"));
        List<ReferralDetails.TimelineEntry> timeline = List.of(
                new ReferralDetails.TimelineEntry(T0, "ReferralReceived", "Referral received", null),
                new ReferralDetails.TimelineEntry(T0.plusSeconds(60), "EligibilityDetermined", "Cycle 1: ELIGIBLE",
                        null),
                new ReferralDetails.TimelineEntry(T0.plusSeconds(120), "AppointmentBooked", "Cycle 1 booked",
                        "scheduler"),
                new ReferralDetails.TimelineEntry(T0.plusSeconds(400), "AppointmentCancelled",
                        "Cycle 1 appointment cancelled", "frontdesk"));

        List<AuditLines.Line> lines = AuditLines.merge(own, timeline);

        assertThat(lines).extracting(line -> line.actor() + " " + line.action()).containsExactly(
                "intake referral submitted", "scheduler appointment booked", "intake referral withdrawn",
                "frontdesk appointment cancelled");
        assertThat(lines.get(1).detail()).isEqualTo("Cycle 1 booked");
    }

    @Test
    void namesEachReportedActionPlainly() {
        assertThat(AuditLines.action("EligibilityDetermined")).isEqualTo("eligibility decided");
        assertThat(AuditLines.action("AppointmentNoShow")).isEqualTo("no-show recorded");
        assertThat(AuditLines.action("SomethingNew")).isEqualTo("SomethingNew");
    }
}
