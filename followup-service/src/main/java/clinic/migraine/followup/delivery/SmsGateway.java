package clinic.migraine.followup.delivery;

/** Sends a text message. Implementations throw {@link DeliveryException} when it did not go out. */
public interface SmsGateway {

    void send(String toE164, String body);
}
