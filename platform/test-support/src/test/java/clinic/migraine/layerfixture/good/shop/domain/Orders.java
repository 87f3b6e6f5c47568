package clinic.migraine.layerfixture.good.shop.domain;

import java.util.Optional;
import java.util.UUID;

public interface Orders {

    Optional<Order> find(UUID id);

    void save(Order order);
}
