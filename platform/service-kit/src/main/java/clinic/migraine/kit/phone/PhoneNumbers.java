package clinic.migraine.kit.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A phone number as typed ("(310) 555-0100", "+44 20 7946 0958") to E.164 ("+13105550100"), or the reason it is
 * none: too short or too long for its country, no country, or a range no country has assigned. A number without
 * "+" is read in the default region (the clinic's: US unless configured). The reasons never quote the number, so
 * they may be shown and kept anywhere.
 */
public final class PhoneNumbers {

    /** Longer than any number written with spaces, dashes and parentheses; a longer text is no phone number. */
    public static final int MAX_LENGTH = 32;

    private static final PhoneNumberUtil NUMBERING_PLANS = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion the ISO 3166 region code numbers without "+" are read in, such as US */
    public PhoneNumbers(String defaultRegion) {
        if (defaultRegion == null || !NUMBERING_PLANS.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("clinic.phone.default-region must be a region code such as US, CA "
                    + "or GB; '" + defaultRegion + "' is not one");
        }
        this.defaultRegion = defaultRegion;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** What a check found: the number in E.164, or why it is none. */
    public sealed interface Checked permits Valid, Refused {
    }

    public record Valid(String e164) implements Checked {
    }

    /** @param reason a field error's message, such as "is too short for a +1 number" */
    public record Refused(String reason) implements Checked {
    }

    public Checked check(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Refused("must be a phone number, such as +1 310 555 0100");
        }
        if (typed.length() > MAX_LENGTH) {
            return new Refused("must be at most " + MAX_LENGTH + " characters");
        }
        PhoneNumber number;
        try {
            number = NUMBERING_PLANS.parse(typed, defaultRegion);
        } catch (NumberParseException notANumber) {
            return new Refused(switch (notANumber.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "has no country: after + comes a country calling code, such as "
                        + "+1 310 555 0100 or +44 20 7946 0958";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "is too short for a phone number";
                case TOO_LONG -> "is too long for a phone number";
                case NOT_A_NUMBER -> "is not a phone number: digits, spaces, dashes, parentheses and a leading +";
            });
        }
        if (number.hasExtension()) {
            return new Refused("must not have an extension: texts and calls go to the number itself");
        }
        String country = "+" + number.getCountryCode();
        ValidationResult possible = NUMBERING_PLANS.isPossibleNumberWithReason(number);
        return switch (possible) {
            case IS_POSSIBLE -> NUMBERING_PLANS.isValidNumber(number)
                    ? new Valid(NUMBERING_PLANS.format(number, PhoneNumberFormat.E164))
                    : new Refused("is not a valid " + country + " number: no such area code or number range");
            case IS_POSSIBLE_LOCAL_ONLY, TOO_SHORT -> new Refused("is too short for a " + country + " number"
                    + (possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY ? " (the area code is missing)" : ""));
            case TOO_LONG -> new Refused("is too long for a " + country + " number");
            case INVALID_LENGTH -> new Refused("has the wrong number of digits for a " + country + " number");
            case INVALID_COUNTRY_CODE -> new Refused("has no country: " + country + " is not a country calling code");
        };
    }

    /** The number in E.164, or empty when it is none (an SMS sender nobody can match, say). */
    public Optional<String> e164(String typed) {
        return check(typed) instanceof Valid valid ? Optional.of(valid.e164()) : Optional.empty();
    }

    /**
     * A number from configuration in E.164; unset or blank is null. One that is no number stops the service at
     * start-up, naming its key: an on-call number nobody can text is found then, not during an urgent alert.
     */
    public String configured(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (check(value) instanceof Refused refused) {
            throw new IllegalStateException(key + " " + refused.reason());
        }
        return toE164(value);
    }

    /**
     * A number already checked, in E.164; null stays null.
     *
     * @throws IllegalArgumentException with the reason when it is no number (a caller that skipped the check)
     */
    public String toE164(String checked) {
        if (checked == null) {
            return null;
        }
        Checked result = check(checked);
        if (result instanceof Refused refused) {
            throw new IllegalArgumentException("The phone number " + refused.reason());
        }
        return ((Valid) result).e164();
    }
}
