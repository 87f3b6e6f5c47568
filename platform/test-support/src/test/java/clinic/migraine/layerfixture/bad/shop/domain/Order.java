package clinic.migraine.layerfixture.bad.shop.domain;

import java.sql.Timestamp;
import java.util.UUID;

import clinic.migraine.layerfixture.bad.shop.application.CancelOrder;

/** Breaks "domain is plain Java" three ways: java.sql, its own application, another service's domain. */
public record Order(UUID id, Timestamp placedAt) {

    public Object cancel(CancelOrder useCase, clinic.migraine.layerfixture.good.shop.domain.Order other) {
        return useCase.toString() + other;
    }
}
