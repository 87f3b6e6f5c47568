package clinic.migraine.scheduling.calendar.domain;

import java.util.List;
import java.util.UUID;

/** Where closures are kept. */
public interface Closures {

    /** Every closure, earliest first. */
    List<Closure> all();

    void add(Closure closure);

    /** False when there was no such closure. */
    boolean remove(UUID id);
}
