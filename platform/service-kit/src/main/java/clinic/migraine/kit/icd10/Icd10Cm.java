package clinic.migraine.kit.icd10;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ICD-10-CM codes the clinic takes: the G43 (migraine) family of the CMS tabular list, fiscal year 2026, read
 * from {@value #RESOURCE}. A code is billable when nothing is under it; a category ({@code G43.7}) is not, and a
 * claim or a referral names one of the billable codes under it ({@code G43.701}, {@code G43.709}, ...).
 */
public final class Icd10Cm {

    public static final String RESOURCE = "/icd10cm/icd10cm-2026-g43.csv";
    /** The shape of any ICD-10-CM code: a letter, two characters, and after a dot up to four more. */
    public static final Pattern WELL_FORMED = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    private static final Icd10Cm SHIPPED = read(Icd10Cm.class.getResourceAsStream(RESOURCE), RESOURCE);

    /** @param billable a complete code a claim may carry, with nothing under it */
    public record Code(String code, boolean billable, String description) {
    }

    private final Map<String, Code> codes;

    private Icd10Cm(Map<String, Code> codes) {
        this.codes = codes;
    }

    /** The code set the clinic ships, read once. */
    public static Icd10Cm shipped() {
        return SHIPPED;
    }

    /** Every code in tabular order. */
    public List<Code> codes() {
        return List.copyOf(codes.values());
    }

    public Optional<Code> code(String code) {
        return Optional.ofNullable(code == null ? null : codes.get(code));
    }

    public boolean isBillable(String code) {
        return code(code).map(Code::billable).orElse(false);
    }

    /** The billable codes under a category, in tabular order ({@code G43.7}: G43.701, G43.709, G43.711, G43.719). */
    public List<Code> billableUnder(String category) {
        return codes.values().stream().filter(c -> c.billable() && isUnder(c.code(), category)).toList();
    }

    /**
     * Why a code cannot be a referral's or a policy's diagnosis, as a field error's message; empty when it is a
     * billable code of the set. The message names no code but the billable ones a category should have been.
     */
    public Optional<String> refusal(String code) {
        if (code == null || !WELL_FORMED.matcher(code).matches()) {
            return Optional.of("must be an ICD-10-CM code with its dot, such as G43.709");
        }
        Code known = codes.get(code);
        if (known == null) {
            return Optional.of("is not in the ICD-10-CM code set the clinic takes (migraine, G43, FY2026)");
        }
        if (!known.billable()) {
            return Optional.of("is a category, not a billable code: choose one of " + String.join(", ",
                    billableUnder(code).stream().map(Code::code).toList()));
        }
        return Optional.empty();
    }

    private static boolean isUnder(String code, String category) {
        String bare = category.replace(".", "");
        String candidate = code.replace(".", "");
        return candidate.length() > bare.length() && candidate.startsWith(bare);
    }

    /** Lines of {@code code,billable,"description"} after a header; lines starting with # are comments. */
    static Icd10Cm read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        Map<String, Code> codes = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(",", 3);
                if (fields.length != 3 || !WELL_FORMED.matcher(fields[0]).matches()
                        || !fields[1].matches("[01]") || !fields[2].matches("\"[^\"]+\"")) {
                    throw new IllegalStateException(name + " line " + number + " is not code,0|1,\"description\"");
                }
                if (codes.put(fields[0], new Code(fields[0], fields[1].equals("1"),
                        fields[2].substring(1, fields[2].length() - 1))) != null) {
                    throw new IllegalStateException(name + " line " + number + " repeats " + fields[0]);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new Icd10Cm(Collections.unmodifiableMap(codes));
    }
}
