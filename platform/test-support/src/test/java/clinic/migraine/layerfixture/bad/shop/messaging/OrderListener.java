package clinic.migraine.layerfixture.bad.shop.messaging;

import clinic.migraine.layerfixture.bad.shop.web.OrderController;

/** Breaks "messaging is only an adapter": it calls the web. */
public class OrderListener {

    String describe(OrderController controller) {
        return controller.toString();
    }
}
