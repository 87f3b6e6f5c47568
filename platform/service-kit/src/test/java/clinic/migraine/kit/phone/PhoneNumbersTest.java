package clinic.migraine.kit.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers us = new PhoneNumbers("US");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "+13105550100         | +13105550100",
            "+1 310 555 0100      | +13105550100",
            "+1 (310) 555-0100    | +13105550100",
            "(310) 555-0100       | +13105550100",
            "310-555-0100         | +13105550100",
            "310.555.0100         | +13105550100",
            "1 310 555 0100       | +13105550100",
            "+44 20 7946 0958     | +442079460958",
            "+33 1 42 86 82 00    | +33142868200",
            "+1 800 555 0100      | +18005550100"})
    void aValidNumberWrittenAnyWayIsStoredAsE164(String typed, String e164) {
        assertThat(us.check(typed)).isEqualTo(new PhoneNumbers.Valid(e164));
        assertThat(us.toE164(typed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "+1 555 0100          | is too short for a +1 number (the area code is missing)",
            "+1310555010          | is too short for a +1 number",
            "+131055501001        | is too long for a +1 number",
            "+44 20 7946 0958 1234| is too long for a +44 number",
            "+99912345678         | has no country: after + comes a country calling code, such as +1 310 555 0100 or +44 20 7946 0958",
            "+1 555 555 0100      | is not a valid +1 number: no such area code or number range",
            "+44 7700 900123      | is not a valid +44 number: no such area code or number range",
            "12                   | is too short for a +1 number",
            "call me              | is not a phone number: digits, spaces, dashes, parentheses and a leading +",
            "+1 310 555 0100 x5   | must not have an extension: texts and calls go to the number itself"})
    void aNumberThatIsNoneIsRefusedSayingWhy(String typed, String reason) {
        assertThat(us.check(typed)).isEqualTo(new PhoneNumbers.Refused(reason));
        assertThat(us.e164(typed)).isEmpty();
    }

    @Test
    void aNumberOfExactlyTheLongestLengthIsReadAndOneCharacterMoreIsRefused() {
        String longest = "+1 (310) 555-0100" + " ".repeat(PhoneNumbers.MAX_LENGTH - 17);

        assertThat(us.check(longest)).isEqualTo(new PhoneNumbers.Valid("+13105550100"));
        assertThat(us.check(longest + " ")).isEqualTo(new PhoneNumbers.Refused("must be at most 32 characters"));
    }

    @Test
    void aNumberWithoutPlusIsReadInTheConfiguredRegion() {
        PhoneNumbers uk = new PhoneNumbers("GB");

        assertThat(uk.check("020 7946 0958")).isEqualTo(new PhoneNumbers.Valid("+442079460958"));
        assertThat(us.check("020 7946 0958")).isInstanceOf(PhoneNumbers.Refused.class);
    }

    @Test
    void theReasonsNeverQuoteTheNumber() {
        for (String typed : new String[] {"+1 867 2671", "+186726712345", "+1 555 867 2671", "+99986726712"}) {
            PhoneNumbers.Refused refused = (PhoneNumbers.Refused) us.check(typed);
            assertThat(refused.reason()).as(typed).doesNotContain("867").doesNotContain("2671").doesNotContain("999");
        }
    }

    @Test
    void blankIsNoNumberAndNullStaysNullOnceChecked() {
        assertThat(us.check(" ")).isInstanceOf(PhoneNumbers.Refused.class);
        assertThat(us.toE164(null)).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> us.toE164("+1 555 0100"))
                .withMessage("The phone number is too short for a +1 number (the area code is missing)");
    }

    @Test
    void aConfiguredNumberIsReadInE164AndOneThatIsNoneStopsTheServiceNamingTheKey() {
        assertThat(us.configured("clinic.followup.on-call.phone", "+1 (310) 555-0199")).isEqualTo("+13105550199");
        assertThat(us.configured("clinic.followup.on-call.phone", " ")).isNull();
        assertThatIllegalStateException().isThrownBy(() -> us.configured("clinic.followup.on-call.phone", "555-0199"))
                .withMessage("clinic.followup.on-call.phone is too short for a +1 number (the area code is missing)");
    }

    @Test
    void anUnknownDefaultRegionStopsTheServiceNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers("USA"))
                .withMessageContaining("clinic.phone.default-region");
    }
}
