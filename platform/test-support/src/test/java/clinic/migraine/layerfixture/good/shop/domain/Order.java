package clinic.migraine.layerfixture.good.shop.domain;

import java.time.Instant;
import java.util.UUID;

import clinic.migraine.domain.Conflict;

public record Order(UUID id, Instant placedAt, boolean cancelled) {

    public OrderCancelled cancel(Instant now) {
        if (cancelled) {
            throw new Conflict("already cancelled");
        }
        return new OrderCancelled(id, now);
    }

    public record OrderCancelled(UUID orderId, Instant at) {
    }
}
