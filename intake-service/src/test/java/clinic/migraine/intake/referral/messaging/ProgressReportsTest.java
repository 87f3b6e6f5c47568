package clinic.migraine.intake.referral.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.events.AppointmentCancelled;
import clinic.migraine.events.CancelReasonCode;
import clinic.migraine.events.CancelledBy;
import clinic.migraine.intake.referral.domain.ProgressReport;
import clinic.migraine.intake.referral.domain.VisitState;
import org.junit.jupiter.api.Test;

class ProgressReportsTest {

    private static final Instant AT = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void aCancellationIsToldByItsReasonCode() {
        assertThat(summary(CancelReasonCode.PATIENT_LINK, CancelledBy.PATIENT))
                .isEqualTo("Cycle 2 appointment cancelled by PATIENT (from the patient's own link)");
        assertThat(summary(CancelReasonCode.STAFF_ENTERED, CancelledBy.CLINIC))
                .isEqualTo("Cycle 2 appointment cancelled by CLINIC (reason recorded in scheduling)");
        assertThat(summary(CancelReasonCode.REFERRAL_WITHDRAWN, CancelledBy.SYSTEM))
                .isEqualTo("Cycle 2 appointment cancelled by SYSTEM (referral withdrawn)");
        assertThat(summary(CancelReasonCode.UNKNOWN, CancelledBy.PATIENT))
                .isEqualTo("Cycle 2 appointment cancelled by PATIENT");
    }

    @Test
    void theCancelledVisitEndsOnTheTimeline() {
        ProgressReport report = ProgressReports.of(cancelled(CancelReasonCode.STAFF_ENTERED, CancelledBy.CLINIC));

        assertThat(report.visit().endStatus()).isEqualTo(VisitState.CANCELLED);
        assertThat(report.cycle()).isEqualTo(2);
    }

    private static String summary(CancelReasonCode code, CancelledBy by) {
        return ProgressReports.of(cancelled(code, by)).summary();
    }

    private static AppointmentCancelled cancelled(CancelReasonCode code, CancelledBy by) {
        return AppointmentCancelled.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(AT)
                .setReferralId(UUID.randomUUID()).setAppointmentId(UUID.randomUUID()).setCycle(2)
                .setStart(AT.plusSeconds(86_400)).setReasonCode(code).setCancelledBy(by).setActor("sam").build();
    }
}
