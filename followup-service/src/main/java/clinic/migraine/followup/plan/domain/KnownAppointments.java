package clinic.migraine.followup.plan.domain;

import java.util.Optional;
import java.util.UUID;

/** The visits scheduling announced. */
public interface KnownAppointments {

    /** Inserts the visit, or moves it when it is known already. */
    void save(KnownAppointment appointment);

    Optional<KnownAppointment> find(UUID id);

    void recordStatus(UUID id, VisitStatus status);
}
