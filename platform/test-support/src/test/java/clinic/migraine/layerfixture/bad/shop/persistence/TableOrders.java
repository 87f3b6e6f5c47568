package clinic.migraine.layerfixture.bad.shop.persistence;

import clinic.migraine.layerfixture.bad.shop.domain.Order;
import clinic.migraine.layerfixture.bad.shop.messaging.OrderListener;

/** Breaks "persistence is only an adapter": it calls messaging. */
public class TableOrders {

    public Order first() {
        new OrderListener().toString();
        return null;
    }
}
