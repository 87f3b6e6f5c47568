package clinic.migraine.kit.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.migraine.events.ReferralSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who each referral's patient is (name, date of birth, phone, email), kept by every service from {@code
 * referral-submitted} so that staff pages name people, not ids, and a visit's calendar entry names its attendee.
 * Read by pages and the API only: none of it goes to a log, an audit entry, a dead letter or a metric.
 */
public class PatientDirectory {

    private final JdbcClient jdbc;

    public PatientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One referral's patient as staff see them; any part may be null (referrals sent before names were). */
    public record Patient(UUID referralId, UUID patientId, String firstName, String lastName, LocalDate dateOfBirth,
            String phone, String email) {

        /** Without an email: an update from a source that does not carry one keeps the one known. */
        public Patient(UUID referralId, UUID patientId, String firstName, String lastName, LocalDate dateOfBirth,
                String phone) {
            this(referralId, patientId, firstName, lastName, dateOfBirth, phone, null);
        }

        /** "Lopez, Ana"; the part known, or "Name not known". */
        public String name() {
            if (lastName == null && firstName == null) {
                return "Name not known";
            }
            return lastName == null ? firstName : firstName == null ? lastName : lastName + ", " + firstName;
        }

        /** Years of age today, for a page. */
        public Integer age() {
            return age(LocalDate.now());
        }

        public Integer age(LocalDate today) {
            return dateOfBirth == null ? null : Period.between(dateOfBirth, today).getYears();
        }
    }

    /** Keeps who the referral's patient is, as the referral says. */
    public void remember(ReferralSubmitted referral) {
        remember(new Patient(referral.getReferralId(), referral.getPatientId(), referral.getFirstName(),
                referral.getLastName(), referral.getDateOfBirth(), referral.getContact().getPhone(),
                referral.getContact().getEmail()), referral.getPayer().getMemberId());
    }

    /** Intake corrected the patient's name: the referral's row takes it (a referral not seen yet gets one). */
    public void rename(UUID referralId, UUID patientId, String firstName, String lastName) {
        jdbc.sql("""
                insert into patient_directory (referral_id, patient_id, first_name, last_name)
                values (:referral, :patient, :first, :last)
                on conflict (referral_id) do update set patient_id = excluded.patient_id,
                  first_name = excluded.first_name, last_name = excluded.last_name
                """).param("referral", referralId).param("patient", patientId).param("first", firstName)
                .param("last", lastName).update();
    }

    /** Keeps the latest name, birth date and phone of the referral's patient (and the email, when given). */
    public void remember(Patient p) {
        remember(p, null);
    }

    /** @param memberId the payer's member id; null keeps the one known */
    private void remember(Patient p, String memberId) {
        jdbc.sql("""
                insert into patient_directory (referral_id, patient_id, first_name, last_name, date_of_birth, phone,
                  member_id, email)
                values (:referral, :patient, :first, :last, :dob, :phone, :member, :email)
                on conflict (referral_id) do update set patient_id = coalesce(excluded.patient_id,
                  patient_directory.patient_id), first_name = excluded.first_name, last_name = excluded.last_name,
                  date_of_birth = excluded.date_of_birth, phone = excluded.phone,
                  member_id = coalesce(excluded.member_id, patient_directory.member_id),
                  email = coalesce(excluded.email, patient_directory.email)
                """).param("referral", p.referralId()).param("patient", p.patientId()).param("first", p.firstName())
                .param("last", p.lastName()).param("dob", p.dateOfBirth()).param("phone", p.phone())
                .param("member", memberId).param("email", p.email()).update();
    }

    public Optional<Patient> of(UUID referralId) {
        return jdbc.sql("select * from patient_directory where referral_id = :id").param("id", referralId)
                .query(PatientDirectory::patient).optional();
    }

    /** The referrals of one patient (intake's patient id), for a search by patient. */
    public List<UUID> referralsOf(UUID patientId) {
        return jdbc.sql("select referral_id from patient_directory where patient_id = :patient order by referral_id")
                .param("patient", patientId).query(UUID.class).list();
    }

    /** For a page's list, in one read. */
    public Map<UUID, Patient> of(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from patient_directory where referral_id in (:ids)").param("ids", referralIds)
                .query(PatientDirectory::patient).list().stream()
                .collect(Collectors.toMap(Patient::referralId, Function.identity()));
    }

    /**
     * Referrals whose patient matches: a date of birth (yyyy-mm-dd), the payer's member id (whole, any case), or a
     * name (every word the start of the first or the last name, any case).
     */
    public List<Patient> search(String text, int limit) {
        String query = text == null ? "" : text.trim();
        if (query.isEmpty()) {
            return List.of();
        }
        try {
            LocalDate born = LocalDate.parse(query);
            return jdbc.sql("select * from patient_directory where date_of_birth = :dob order by last_name limit :n")
                    .param("dob", born).param("n", limit).query(PatientDirectory::patient).list();
        } catch (DateTimeParseException notADate) {
            // a name
        }
        List<Patient> byMemberId = jdbc.sql("""
                        select * from patient_directory where lower(member_id) = lower(:member)
                        order by last_name, first_name limit :n
                        """).param("member", query).param("n", limit).query(PatientDirectory::patient).list();
        if (!byMemberId.isEmpty()) {
            return byMemberId;
        }
        StringBuilder sql = new StringBuilder("select * from patient_directory where true");
        String[] words = query.toLowerCase(java.util.Locale.ROOT).split("[\\s,]+");
        for (int i = 0; i < words.length; i++) {
            sql.append(" and (lower(first_name) like :w").append(i).append(" or lower(last_name) like :w").append(i)
                    .append(")");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql + " order by last_name, first_name limit :n");
        for (int i = 0; i < words.length; i++) {
            statement = statement.param("w" + i, words[i].replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return statement.param("n", limit).query(PatientDirectory::patient).list();
    }

    private static Patient patient(ResultSet rs, int n) throws SQLException {
        return new Patient(rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("phone"), rs.getString("email"));
    }
}
