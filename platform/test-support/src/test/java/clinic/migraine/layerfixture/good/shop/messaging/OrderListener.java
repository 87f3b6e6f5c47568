package clinic.migraine.layerfixture.good.shop.messaging;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.layerfixture.good.shop.application.CancelOrder;
import org.apache.avro.Schema;

class OrderListener {

    private final CancelOrder cancelOrder;

    OrderListener(CancelOrder cancelOrder) {
        this.cancelOrder = cancelOrder;
    }

    void onCancelRequested(Schema schema, UUID id) {
        cancelOrder.cancel(id, Instant.now());
    }
}
