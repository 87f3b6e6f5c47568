package clinic.migraine.layerfixture.good.shop.application;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.layerfixture.good.shop.domain.Order;
import clinic.migraine.layerfixture.good.shop.domain.Orders;

public class CancelOrder {

    private final Orders orders;

    public CancelOrder(Orders orders) {
        this.orders = orders;
    }

    public Order.OrderCancelled cancel(UUID id, Instant now) {
        return orders.find(id).orElseThrow(() -> new NotFound("order", id)).cancel(now);
    }
}
