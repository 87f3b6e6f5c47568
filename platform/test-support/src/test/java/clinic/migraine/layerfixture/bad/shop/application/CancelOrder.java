package clinic.migraine.layerfixture.bad.shop.application;

import clinic.migraine.layerfixture.bad.shop.domain.Order;
import clinic.migraine.layerfixture.bad.shop.persistence.TableOrders;

/** Breaks "application uses ports only" (and closes a cycle with the domain). */
public class CancelOrder {

    public Order load(TableOrders table) {
        return table.first();
    }
}
