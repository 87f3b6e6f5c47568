package clinic.migraine.scheduling.calendar.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code closure} table. */
@Repository
class ClosureStore implements Closures {

    private final JdbcClient jdbc;

    ClosureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Closure> all() {
        return jdbc.sql("select * from closure order by starts_on").query((rs, n) -> new Closure(
                rs.getObject("id", UUID.class), rs.getString("provider_id"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("reason"))).list();
    }

    @Override
    public void add(Closure c) {
        jdbc.sql("insert into closure (id, provider_id, starts_on, ends_on, reason) values (:id, :p, :s, :e, :r)")
                .param("id", c.id()).param("p", c.providerId()).param("s", c.startsOn()).param("e", c.endsOn())
                .param("r", c.reason()).update();
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.sql("delete from closure where id = :id").param("id", id).update() == 1;
    }
}
