package clinic.migraine.kit.icd10;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Icd10CmTest {

    private final Icd10Cm codes = Icd10Cm.shipped();

    @Test
    void theShippedSetIsTheWholeMigraineFamilyOfFortyEightBillableCodes() {
        assertThat(codes.codes()).hasSize(82);
        assertThat(codes.codes()).filteredOn(Icd10Cm.Code::billable).hasSize(48);
        assertThat(codes.codes()).allSatisfy(c -> assertThat(c.code()).startsWith("G43"));
        assertThat(codes.code("G43.E19")).contains(new Icd10Cm.Code("G43.E19", true,
                "Chronic migraine with aura, intractable, without status migrainosus"));
        assertThat(codes.code("G43.A0")).contains(new Icd10Cm.Code("G43.A0", true,
                "Cyclical vomiting, in migraine, not intractable"));
    }

    @Test
    void aCodeIsBillableExactlyWhenNothingIsUnderIt() {
        assertThat(codes.codes()).allSatisfy(c -> assertThat(c.billable())
                .as(c.code()).isEqualTo(codes.billableUnder(c.code()).isEmpty()));
    }

    @Test
    void everyCodeButTheCategoryHasItsParentInTheSet() {
        assertThat(codes.codes()).filteredOn(c -> !c.code().equals("G43")).allSatisfy(c -> {
            String parent = c.code().substring(0, c.code().length() - 1);
            assertThat(codes.code(parent.endsWith(".") ? "G43" : parent)).as(c.code()).isPresent();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"G43.709", "G43.701", "G43.719", "G43.E09", "G43.909", "G43.A1", "G43.D0", "G43.839"})
    void aBillableCodeOfTheSetIsTaken(String code) {
        assertThat(codes.refusal(code)).isEmpty();
        assertThat(codes.isBillable(code)).isTrue();
    }

    @Test
    void aCategoryIsRefusedNamingTheBillableCodesUnderIt() {
        assertThat(codes.refusal("G43.7")).contains(
                "is a category, not a billable code: choose one of G43.701, G43.709, G43.711, G43.719");
        assertThat(codes.refusal("G43.70")).contains(
                "is a category, not a billable code: choose one of G43.701, G43.709");
        assertThat(codes.refusal("G43.A")).contains("is a category, not a billable code: choose one of G43.A0, G43.A1");
        assertThat(codes.refusal("G43").orElseThrow()).startsWith("is a category, not a billable code: choose one of "
                + "G43.001, G43.009, G43.011, G43.019, G43.101").endsWith("G43.E11, G43.E19");
        assertThat(codes.billableUnder("G43.9")).extracting(Icd10Cm.Code::code)
                .isEqualTo(List.of("G43.901", "G43.909", "G43.911", "G43.919"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G43.7091", "G43.702", "G43.F0", "G43.2", "G44.209", "R51.9"})
    void aWellFormedCodeOutsideTheSetIsRefused(String code) {
        assertThat(codes.refusal(code)).contains(
                "is not in the ICD-10-CM code set the clinic takes (migraine, G43, FY2026)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g43.709", "G43709", "G43.", "migraine", "", "G43.709 "})
    void somethingThatIsNoCodeIsRefusedWithAnExample(String code) {
        assertThat(codes.refusal(code)).contains("must be an ICD-10-CM code with its dot, such as G43.709");
    }
}
