package clinic.migraine.scheduling.booking.domain;

import static clinic.migraine.scheduling.booking.domain.Fixtures.RULES;
import static clinic.migraine.scheduling.booking.domain.Fixtures.appointment;
import static clinic.migraine.scheduling.booking.domain.Fixtures.at;
import static clinic.migraine.scheduling.booking.domain.Fixtures.dose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import clinic.migraine.domain.RuleBroken;
import org.junit.jupiter.api.Test;

/** The dose record's rules, each at, below and above its threshold. */
class TreatmentTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 10);
    private static final Instant START = at(DAY, 9, 30);
    private static final Instant NOW = at(DAY, 23, 0);

    @Test
    void thePreemptPlanIs155UnitsAt31Sites() {
        Treatment plan = dose(START);

        assertThat(plan.totalUnits()).isEqualTo(155);
        assertThat(plan.totalInjections()).isEqualTo(31);
        assertThat(plan.aboveLabelMaximum()).isFalse();
    }

    @Test
    void upTo195UnitsNeedNoReasonAndMoreNeedOne() {
        assertThatCode(() -> treat(dose(START, withExtra(40, 8), null))).doesNotThrowAnyException();

        assertThatThrownBy(() -> treat(dose(START, withExtra(41, 8), null))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("196 U is above 195 U");
        assertThatCode(() -> treat(dose(START, withExtra(41, 8), "large neck muscles, per the headache specialist")))
                .doesNotThrowAnyException();
    }

    @Test
    void upTo39InjectionsNeedNoReasonAndMoreNeedOne() {
        assertThatCode(() -> treat(dose(START, withExtra(10, 8), null))).doesNotThrowAnyException();

        assertThatThrownBy(() -> treat(dose(START, withExtra(10, 9), null))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("40 injections are above 39");
        assertThatCode(() -> treat(dose(START, withExtra(10, 9), "follow the pain"))).doesNotThrowAnyException();
    }

    @Test
    void aLotExpiredBeforeTheDayIsRefusedAndOneExpiringThatDayIsNot() {
        assertThatThrownBy(() -> treat(withExpiry(DAY.minusDays(1)))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("lotExpiry the lot expired on " + DAY.minusDays(1));
        assertThatCode(() -> treat(withExpiry(DAY))).doesNotThrowAnyException();
        assertThatCode(() -> treat(withExpiry(DAY.plusDays(1)))).doesNotThrowAnyException();
    }

    @Test
    void theTimeGivenIsNeitherAheadOfNowNorMoreThan12HoursFromTheVisit() {
        assertThatCode(() -> treat(dose(NOW))).isInstanceOf(RuleBroken.class);
        Instant latest = START.plus(Duration.ofHours(12));
        assertThatCode(() -> treatAt(dose(latest), latest)).doesNotThrowAnyException();
        assertThatThrownBy(() -> treatAt(dose(latest.plusSeconds(60)), latest.plusSeconds(60)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("more than 12 hours");
        Instant earliest = START.minus(Duration.ofHours(12));
        assertThatCode(() -> treat(dose(earliest))).doesNotThrowAnyException();
        assertThatThrownBy(() -> treat(dose(earliest.minusSeconds(60)))).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> treatAt(dose(START.plusSeconds(1)), START)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("in the future");
        assertThatCode(() -> treatAt(dose(START), START)).doesNotThrowAnyException();
    }

    @Test
    void billingIsJ0585WithJzWhenNothingWasWastedAndJwForTheWaste() {
        Treatment none = dose(START);
        Treatment wasted = new Treatment(START, "onabotulinumtoxinA", "C1234", DAY.plusYears(1),
                InjectionSite.preemptPlan(), 45, null, null, null);

        assertThat(none.billing().text()).isEqualTo("J0585-JZ × 155");
        assertThat(wasted.billing().text()).isEqualTo("J0585 × 155, J0585-JW × 45");
        assertThat(new Treatment(START, "onabotulinumtoxinA", "C1234", DAY, InjectionSite.preemptPlan(), 1, null,
                null, null).billing().zeroWaste()).isFalse();
    }

    private static List<InjectionSite> withExtra(int units, int injections) {
        List<InjectionSite> sites = new ArrayList<>(InjectionSite.preemptPlan());
        sites.add(new InjectionSite(Muscle.OTHER, "masseter", Side.BILATERAL, injections, units));
        return sites;
    }

    private static Treatment withExpiry(LocalDate expiry) {
        return new Treatment(START, "onabotulinumtoxinA", "C1234", expiry, InjectionSite.preemptPlan(), 0, null, null,
                null);
    }

    private static void treat(Treatment treatment) {
        treatAt(treatment, NOW);
    }

    private static void treatAt(Treatment treatment, Instant now) {
        appointment(AppointmentStatus.arrived, 1, START, null).markTreated(treatment, "dr-lee", now, RULES);
    }
}
