package clinic.migraine.intake.referral.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A last name as patient matching compares it: lower case, accents dropped, spaces, hyphens and apostrophes left
 * out, so "D'Angelo-Núñez", "dangelo nunez" and "DANGELO-NUNEZ" are the same name.
 */
public record FoldedName(String value) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // spaces, every kind of dash and hyphen, apostrophes and the accents people type in their place
    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{Pd}'\u2018\u2019\u02BC`\u00B4]+");

    public static FoldedName of(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                // letters that carry no separable accent
                .replace("\u00DF", "ss").replace("\u00E6", "ae").replace("\u0153", "oe")
                .replace("\u00F8", "o").replace("\u0142", "l").replace("\u0111", "d");
        String unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        return new FoldedName(IGNORED.matcher(unaccented).replaceAll(""));
    }
}
