package clinic.migraine.layerfixture.good.shop.web;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.layerfixture.good.shop.application.CancelOrder;

class OrderController {

    private final CancelOrder cancelOrder;

    OrderController(CancelOrder cancelOrder) {
        this.cancelOrder = cancelOrder;
    }

    String cancel(UUID id) {
        return cancelOrder.cancel(id, Instant.now()).toString();
    }
}
