package clinic.migraine.followup.plan.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The visits scheduling announced. */
public interface KnownAppointments {

    /** Inserts the visit, or moves it when it is known already. */
    void save(KnownAppointment appointment);

    Optional<KnownAppointment> find(UUID id);

    /** These visits, in one read, by id. */
    Map<UUID, KnownAppointment> find(Collection<UUID> ids);

    /** A change of status that leaves the calendar entry as it is (treated). */
    void recordStatus(UUID id, VisitStatus status);

    /**
     * Cancelled or missed: the calendar entry's new version is {@code sequence}, or one more than the last known
     * when scheduling sent none.
     */
    void recordClosed(UUID id, VisitStatus status, Integer sequence);

    /** Every visit of the referral scheduling announced, by start. */
    List<KnownAppointment> ofReferral(UUID referralId);
}
