package clinic.migraine.intake.referral.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.intake.referral.domain.FoldedName;
import clinic.migraine.intake.referral.domain.Patient;
import clinic.migraine.intake.referral.domain.Patients;
import clinic.migraine.intake.referral.domain.PossibleDuplicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients in Postgres; their member ids and contacts are those of their referrals. */
@Repository
class PatientStore implements Patients {

    private final JdbcClient jdbc;

    PatientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockIdentity(LocalDate dateOfBirth, FoldedName lastName) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .param("key", "patient|" + dateOfBirth + "|" + lastName.value())
                .query((rs, n) -> 1).list();
    }

    @Override
    public List<Patient> withNameAndBirth(LocalDate dateOfBirth, FoldedName lastName) {
        return jdbc.sql("""
                select id from patient where date_of_birth = :dob and folded_last_name = :folded
                  and merged_into is null
                order by created_at, id
                """).param("dob", dateOfBirth).param("folded", lastName.value())
                .query(UUID.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    @Override
    public void add(Patient p, Instant at) {
        jdbc.sql("""
                insert into patient (id, first_name, last_name, date_of_birth, folded_last_name, created_at)
                values (:id, :first, :last, :dob, :folded, :at)
                """).param("id", p.id()).param("first", p.firstName()).param("last", p.lastName())
                .param("dob", p.dateOfBirth()).param("folded", p.foldedLastName().value())
                .param("at", Timestamp.from(at)).update();
    }

    @Override
    public void flagPossibleDuplicate(UUID newer, UUID older, Instant at) {
        jdbc.sql("""
                insert into possible_duplicate (patient_id, similar_patient_id, created_at) values (:newer, :older, :at)
                on conflict do nothing
                """).param("newer", newer).param("older", older).param("at", Timestamp.from(at)).update();
    }

    @Override
    public Optional<PossibleDuplicate> lockDuplicate(UUID one, UUID other) {
        return jdbc.sql("""
                select patient_id, similar_patient_id, status from possible_duplicate
                where (patient_id = :one and similar_patient_id = :other)
                   or (patient_id = :other and similar_patient_id = :one)
                for update
                """).param("one", one).param("other", other)
                .query((rs, n) -> new PossibleDuplicate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        PossibleDuplicate.Status.valueOf(rs.getString(3))))
                .optional();
    }

    @Override
    public void resolve(PossibleDuplicate d, PossibleDuplicate.Status status, Instant at) {
        jdbc.sql("""
                update possible_duplicate set status = :status, resolved_at = :at
                where patient_id = :patient and similar_patient_id = :similar
                """).param("status", status.name()).param("at", Timestamp.from(at)).param("patient", d.patientId())
                .param("similar", d.similarPatientId()).update();
    }

    @Override
    public void merge(PossibleDuplicate.Merged m) {
        jdbc.sql("update referral set patient_id = :survivor where patient_id = :merged")
                .param("survivor", m.survivor()).param("merged", m.mergedAway()).update();
        jdbc.sql("update patient set merged_into = :survivor where id = :merged or merged_into = :merged")
                .param("survivor", m.survivor()).param("merged", m.mergedAway()).update();
    }

    @Override
    public List<UUID> rename(UUID patientId, String firstName, String lastName, FoldedName folded) {
        jdbc.sql("""
                update patient set first_name = :first, last_name = :last, folded_last_name = :folded where id = :id
                """).param("first", firstName).param("last", lastName).param("folded", folded.value())
                .param("id", patientId).update();
        jdbc.sql("update referral set first_name = :first, last_name = :last where patient_id = :id")
                .param("first", firstName).param("last", lastName).param("id", patientId).update();
        return jdbc.sql("select id from referral where patient_id = :id order by created_at").param("id", patientId)
                .query(UUID.class).list();
    }

    @Override
    public Optional<Patient> find(UUID requested) {
        UUID id = jdbc.sql("select coalesce(merged_into, id) from patient where id = :id").param("id", requested)
                .query(UUID.class).optional().orElse(requested);
        Optional<Patient> bare = jdbc.sql("select id, first_name, last_name, date_of_birth from patient where id = :id")
                .param("id", id)
                .query((rs, n) -> new Patient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), new LinkedHashSet<>(), new LinkedHashSet<>(),
                        new LinkedHashSet<>()))
                .optional();
        bare.ifPresent(p -> jdbc.sql("select member_id, email, phone from referral where patient_id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    add(p.memberIds(), Patient.memberKey(rs.getString(1)));
                    add(p.emails(), Patient.emailKey(rs.getString(2)));
                    add(p.phones(), Patient.phoneKey(rs.getString(3)));
                    return 1;
                }).list());
        return bare.map(p -> new Patient(p.id(), p.firstName(), p.lastName(), p.dateOfBirth(),
                Set.copyOf(p.memberIds()), Set.copyOf(p.emails()), Set.copyOf(p.phones())));
    }

    @Override
    public List<UUID> openDuplicates(UUID id) {
        return jdbc.sql("""
                select p.id from possible_duplicate d
                join patient p on p.id = case when d.patient_id = :id then d.similar_patient_id else d.patient_id end
                -- a flag naming a patient merged away since is about the survivor, whom staff see with their own flags
                where d.status = 'OPEN' and (d.patient_id = :id or d.similar_patient_id = :id) and p.merged_into is null
                order by d.created_at
                """).param("id", id).query(UUID.class).list();
    }

    private static void add(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    @Override
    public List<PatientSummary> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        LocalDate birth = date(q);
        String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select p.id, p.first_name, p.last_name, p.date_of_birth,
                       exists (select 1 from possible_duplicate d
                               join patient o on o.id = case when d.patient_id = p.id then d.similar_patient_id
                                                             else d.patient_id end
                               where d.status = 'OPEN' and o.merged_into is null
                                 and (d.patient_id = p.id or d.similar_patient_id = p.id)) as flagged
                from patient p
                where p.merged_into is null and (p.date_of_birth = :birth
                   or (cast(:birth as date) is null and (
                         lower(p.first_name) like :q or lower(p.last_name) like :q
                         or lower(p.first_name || ' ' || p.last_name) like :q
                         or exists (select 1 from referral r where r.patient_id = p.id and lower(r.member_id) = :exact))))
                order by p.last_name, p.first_name, p.id
                limit :limit
                """).param("birth", birth).param("q", like).param("exact", q.toLowerCase()).param("limit", limit)
                .query((rs, n) -> new PatientSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
                .list();
    }

    private static LocalDate date(String q) {
        try {
            return LocalDate.parse(q);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
