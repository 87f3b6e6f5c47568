package clinic.migraine.eligibility.policy.domain;

import java.util.Collection;
import java.util.Optional;

/** Every known policy by id; the label policy judges referrals whose payer has none. */
public interface Policies {

    Optional<Policy> find(String id);

    Policy label();

    /** By id. */
    Collection<Policy> all();

    /** Counts preventive drugs by substance. */
    default DrugCatalogue drugs() {
        return DrugCatalogue.EMPTY;
    }
}
