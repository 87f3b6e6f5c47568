package clinic.migraine.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import clinic.migraine.testsupport.RunningSystem;

/**
 * Searches log files for the contact details of every patient intake knows: the email as written, URL-encoded
 * ({@code %40}, {@code %2540}) or with {@code +} for a space, its local part alone, the phone number in any usual
 * shape ({@code +13105550100}, {@code 13105550100}, {@code (310) 555-0100}, {@code 310-555-0100},
 * {@code +1 310 555 0100}, {@code 310.555.0100}), the member id and the birth date. The logs are read once: the
 * candidates in each line are picked out by shape and looked up, so hundreds of patients cost no more than one.
 */
final class PatientDataInLogs {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+(?:@|%40|%2540)[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._+-]{6,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}(?![0-9])");
    private static final Pattern DATE = Pattern.compile("(?<![0-9])\\d{4}-\\d{2}-\\d{2}(?![0-9])");

    /** What is looked for, each value mapped to what it is. */
    private final Map<String, String> secrets = new HashMap<>();

    private PatientDataInLogs() {
    }

    /** Every referral's patient data in intake's database. */
    static PatientDataInLogs ofEveryReferral(RunningSystem system) {
        PatientDataInLogs search = new PatientDataInLogs();
        try (Connection connection = DriverManager.getConnection(system.stack().postgres().jdbcUrl("intake"), "postgres",
                "postgres"); PreparedStatement statement = connection.prepareStatement(
                        "select email, phone, member_id, date_of_birth::text from referral");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                search.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return search;
    }

    /** One patient's data, for a check of the search itself. */
    static PatientDataInLogs of(String email, String phone, String memberId, String born) {
        PatientDataInLogs search = new PatientDataInLogs();
        search.add(email, phone, memberId, born);
        return search;
    }

    private void add(String email, String phone, String memberId, String born) {
        if (email != null) {
            secrets.put(email.toLowerCase(Locale.ROOT), "email");
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (local.length() >= 12) {
                // alone only when it could be nobody else's word (fault-<uuid>, not "hostile" or "ana")
                secrets.put(local, "email's local part");
            }
        }
        if (phone != null) {
            secrets.put(national(phone), "phone");
        }
        secrets.put(memberId.toLowerCase(Locale.ROOT), "member id");
        secrets.put(born, "birth date");
    }

    /** How many distinct values are searched for. */
    int values() {
        return secrets.size();
    }

    /** Each line that holds a patient's value, as "file:line: what", in every regular file under the folder. */
    List<String> findUnder(Path folder) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    int number = 0;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        number++;
                        String what = find(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                        if (what != null) {
                            found.add(folder.relativize(file) + ":" + number + ": " + what);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** What of a patient's the line holds, or null. */
    String find(String line) {
        if (line.contains("com.icegreen.greenmail")) {
            // the local mail server stands in for the patients' own providers, which know their addresses
            return null;
        }
        for (String candidate : List.of(line, decoded(line), decoded(decoded(line)))) {
            Matcher email = EMAIL.matcher(candidate);
            while (email.find()) {
                String value = decoded(decoded(email.group())).toLowerCase(Locale.ROOT);
                if (secrets.containsKey(value)) {
                    return secrets.get(value);
                }
            }
        }
        Matcher word = WORD.matcher(line);
        while (word.find()) {
            String value = word.group().replaceAll("[._+-]+$", "").toLowerCase(Locale.ROOT);
            if (secrets.containsKey(value)) {
                return secrets.get(value);
            }
        }
        for (String candidate : List.of(line, decoded(line))) {
            Matcher phone = PHONE.matcher(candidate);
            while (phone.find()) {
                String value = national(phone.group());
                if (secrets.containsKey(value)) {
                    return secrets.get(value);
                }
            }
        }
        Matcher date = DATE.matcher(line);
        while (date.find()) {
            if ("birth date".equals(secrets.get(date.group()))) {
                return "birth date";
            }
        }
        return null;
    }

    /** The ten digits of a +1 number however it is written. */
    private static String national(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return "phone:" + (digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits);
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }
}
