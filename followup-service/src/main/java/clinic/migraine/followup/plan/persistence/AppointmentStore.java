package clinic.migraine.followup.plan.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.migraine.followup.plan.domain.KnownAppointment;
import clinic.migraine.followup.plan.domain.KnownAppointments;
import clinic.migraine.followup.plan.domain.VisitStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code appointment} table: the visits scheduling announced, with their FHIR status code. */
@Repository
public class AppointmentStore implements KnownAppointments {

    private final JdbcClient jdbc;

    public AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(KnownAppointment a) {
        jdbc.sql("""
                insert into appointment (id, referral_id, cycle, start_at, end_at, provider, location, clinic_zone, status,
                  manage_url, calendar_sequence)
                values (:id, :referral, :cycle, :start, :end, :provider, :location, :zone, :status, :manage,
                  coalesce(:sequence, 0))
                on conflict (id) do update set start_at = excluded.start_at, end_at = excluded.end_at,
                  provider = excluded.provider, location = excluded.location, status = excluded.status,
                  manage_url = coalesce(excluded.manage_url, appointment.manage_url),
                  calendar_sequence = coalesce(:sequence, appointment.calendar_sequence + 1)
                """).param("id", a.id()).param("referral", a.referralId()).param("cycle", a.cycle())
                .param("start", Timestamp.from(a.start())).param("end", Timestamp.from(a.end()))
                .param("provider", a.provider()).param("location", a.location()).param("zone", a.clinicZone())
                .param("status", a.status().code()).param("manage", a.manageUrl())
                .param("sequence", a.sequence(), java.sql.Types.INTEGER).update();
    }

    @Override
    public Map<UUID, KnownAppointment> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from appointment where id in (:ids)").param("ids", ids)
                .query(AppointmentStore::appointment).list().stream()
                .collect(Collectors.toMap(KnownAppointment::id, Function.identity()));
    }

    @Override
    public Optional<KnownAppointment> find(UUID id) {
        return jdbc.sql("select * from appointment where id = :id").param("id", id).query(AppointmentStore::appointment)
                .optional();
    }

    @Override
    public List<KnownAppointment> ofReferral(UUID referralId) {
        return jdbc.sql("select * from appointment where referral_id = :id order by start_at").param("id", referralId)
                .query(AppointmentStore::appointment).list();
    }

    private static KnownAppointment appointment(ResultSet rs, int n) throws SQLException {
        return new KnownAppointment(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getInt("cycle"), rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                rs.getString("provider"), rs.getString("location"), rs.getString("clinic_zone"),
                VisitStatus.ofCode(rs.getString("status")), rs.getString("manage_url"), rs.getInt("calendar_sequence"));
    }

    @Override
    public void recordClosed(UUID id, VisitStatus status, Integer sequence) {
        jdbc.sql("""
                update appointment set status = :status,
                  calendar_sequence = coalesce(:sequence, calendar_sequence + 1)
                where id = :id
                """).param("status", status.code()).param("sequence", sequence, java.sql.Types.INTEGER)
                .param("id", id).update();
    }

    @Override
    public void recordStatus(UUID id, VisitStatus status) {
        jdbc.sql("update appointment set status = :status where id = :id").param("status", status.code())
                .param("id", id).update();
    }
}
