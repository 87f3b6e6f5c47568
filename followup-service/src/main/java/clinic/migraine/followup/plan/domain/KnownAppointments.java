package clinic.migraine.followup.plan.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The visits scheduling announced. */
public interface KnownAppointments {

    /** Inserts the visit, or moves it when it is known already. */
    void save(KnownAppointment appointment);

    Optional<KnownAppointment> find(UUID id);

    void recordStatus(UUID id, VisitStatus status);

    /** Every visit of the referral scheduling announced, by start. */
    List<KnownAppointment> ofReferral(UUID referralId);
}
