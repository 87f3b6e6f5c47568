package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static clinic.migraine.scheduling.booking.domain.Fixtures.RULES;
import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CycleWindowTest {

    private static final LocalDate TREATED = LocalDate.of(2026, 12, 1);

    @Test
    void aLaterCycleStartsNoSoonerThan84DaysAfterTheDayOfTheLastTreatment() {
        Appointment last = appointment(AppointmentStatus.fulfilled, 1, at(TREATED, 16, 30), null);
        CycleWindow window = CycleWindow.of(2, List.of(last), at(TREATED, 17, 0), RULES);

        assertThat(window.notBefore()).isEqualTo(at(TREATED.plusDays(84), 0, 0));
        assertThat(window.earliest()).isEqualTo(window.notBefore());
        assertThat(window.preferredUntil()).isEqualTo(at(TREATED.plusDays(98), 0, 0));
        assertThat(window.previous()).isEqualTo(last);
        assertThatThrownBy(() -> window.admit(at(TREATED.plusDays(83), 23, 59), RULES)).isInstanceOf(TooEarly.class);
        assertThatCode(() -> window.admit(at(TREATED.plusDays(84), 0, 0), RULES)).doesNotThrowAnyException();
        assertThatCode(() -> window.admit(at(TREATED.plusDays(85), 8, 0), RULES)).doesNotThrowAnyException();
    }

    @Test
    void onlyTreatedVisitsCountAndTheLatestWins() {
        Appointment first = appointment(AppointmentStatus.fulfilled, 1, at(TREATED.minusDays(90), 9, 0), null);
        Appointment second = appointment(AppointmentStatus.fulfilled, 2, at(TREATED, 9, 0), null);
        Appointment cancelledLater = appointment(AppointmentStatus.cancelled, 3, at(TREATED.plusDays(60), 9, 0), null);

        CycleWindow window = CycleWindow.of(3, List.of(first, cancelledLater, second), at(TREATED, 12, 0), RULES);

        assertThat(window.notBefore()).isEqualTo(at(TREATED.plusDays(84), 0, 0));
    }

    @Test
    void aFirstCourseOnlyWaitsTheLeadTimeInBusinessDays() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        CycleWindow window = CycleWindow.of(1, List.of(), at(friday, 15, 0), RULES);

        assertThat(window.earliest()).isEqualTo(at(LocalDate.of(2026, 12, 8), 0, 0));
        assertThat(window.notBefore()).isNull();
        assertThat(window.hasPreference()).isFalse();
        assertThatCode(() -> window.admit(at(friday, 15, 30), RULES)).doesNotThrowAnyException();
    }

    @Test
    void whenTheIntervalHasPassedTheSearchStartsAfterTheLeadTime() {
        Appointment last = appointment(AppointmentStatus.fulfilled, 1, at(TREATED, 9, 0), null);
        Instant now = at(TREATED.plusDays(120), 12, 0);

        CycleWindow window = CycleWindow.of(2, List.of(last), now, RULES);

        assertThat(window.earliest()).isAfter(now);
        assertThat(window.notBefore()).isBefore(now);
    }

    @Test
    void aFirstCourseAfterAnInjectionElsewhereWaits84DaysFromItsDay() {
        LocalDate elsewhere = LocalDate.of(2026, 11, 2);
        Instant now = at(elsewhere.plusDays(30), 10, 0);

        CycleWindow window = CycleWindow.of(1, List.of(), List.of(elsewhere.minusDays(100), elsewhere), now, RULES);

        assertThat(window.notBefore()).isEqualTo(at(elsewhere.plusDays(84), 0, 0));
        assertThat(window.earliest()).isEqualTo(window.notBefore());
        assertThat(window.hasPreference()).isFalse();
        assertThatThrownBy(() -> window.admit(at(elsewhere.plusDays(83), 16, 0), RULES))
                .isInstanceOf(TooEarly.class).hasMessageContaining(elsewhere.plusDays(84).toString());
        assertThatCode(() -> window.admit(at(elsewhere.plusDays(84), 8, 0), RULES)).doesNotThrowAnyException();
        assertThatCode(() -> window.admit(at(elsewhere.plusDays(85), 8, 0), RULES)).doesNotThrowAnyException();
    }

    @Test
    void anInjectionLongAgoLeavesAFirstCourseToTheLeadTime() {
        LocalDate friday = LocalDate.of(2026, 12, 4);

        CycleWindow window = CycleWindow.of(1, List.of(), List.of(friday.minusDays(200)), at(friday, 15, 0), RULES);

        assertThat(window.earliest()).isEqualTo(at(LocalDate.of(2026, 12, 8), 0, 0));
    }

    @Test
    void aTreatmentInAnotherReferralCountsWhenItIsTheLatest() {
        Appointment own = appointment(AppointmentStatus.fulfilled, 1, at(TREATED.minusDays(100), 9, 0), null);
        LocalDate otherReferral = TREATED.minusDays(10);

        CycleWindow window = CycleWindow.of(2, List.of(own), List.of(otherReferral), at(TREATED, 12, 0), RULES);

        assertThat(window.notBefore()).isEqualTo(at(otherReferral.plusDays(84), 0, 0));
        assertThat(window.previous()).isEqualTo(own);
    }

    @Test
    void theAuthorizationClosesTheWindowAfterItsLastDay() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        LocalDate lastDay = LocalDate.of(2026, 12, 20);
        CycleWindow window = CycleWindow.of(1, List.of(), at(friday, 15, 0), RULES)
                .authorizedUntil(lastDay, RULES.zone());

        assertThatCode(() -> window.admit(at(lastDay.minusDays(1), 17, 0), RULES)).doesNotThrowAnyException();
        assertThatCode(() -> window.admit(at(lastDay, 17, 0), RULES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> window.admit(at(lastDay.plusDays(1), 8, 0), RULES))
                .isInstanceOf(AuthorizationEnds.class).hasMessageContaining(lastDay.toString());
        Instant horizon = at(friday.plusDays(180), 0, 0);
        assertThat(window.searchUntil(horizon)).isEqualTo(at(lastDay.plusDays(1), 0, 0));
        assertThat(CycleWindow.of(1, List.of(), at(friday, 15, 0), RULES).authorizedUntil(null, RULES.zone())
                .searchUntil(horizon)).isEqualTo(horizon);
    }
}
