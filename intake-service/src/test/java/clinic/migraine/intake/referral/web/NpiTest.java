package clinic.migraine.intake.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpiTest {

    @ParameterizedTest
    @CsvSource({
            "1234567893, true",
            "1245319599, true",
            "1234567890, false",
            "123456789, false",
            "12345678930, false",
            "12345678a3, false"})
    void checksTheLuhnDigitWithThe80840Prefix(String npi, boolean valid) {
        assertThat(Npi.Validator.isValidNpi(npi)).isEqualTo(valid);
    }
}
