package clinic.migraine.layerfixture.good.shop.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.layerfixture.good.shop.domain.Order;
import clinic.migraine.layerfixture.good.shop.domain.Orders;

class TableOrders implements Orders {

    private final Map<UUID, Order> rows = new HashMap<>();

    @Override
    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void save(Order order) {
        rows.put(order.id(), order);
    }
}
