package clinic.migraine.layerfixture.bad.shop.web;

import clinic.migraine.layerfixture.bad.shop.persistence.TableOrders;
import org.apache.avro.Schema;

/** Breaks "web does not touch persistence" and "only messaging knows Avro". */
public class OrderController {

    String show(TableOrders table, Schema schema) {
        return table.first() + schema.getName();
    }
}
