package clinic.migraine.events;

import java.util.Arrays;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

/**
 * The one place where topic names live. Each topic carries one event type and has exactly one writer;
 * the Kafka key is always the referral id, so one patient's events stay in order.
 */
public enum EventTopic {

    REFERRAL_SUBMITTED("referral-submitted", ReferralSubmitted.class, Service.INTAKE),
    REFERRAL_WITHDRAWN("referral-withdrawn", ReferralWithdrawn.class, Service.INTAKE),
    PATIENT_UPDATED("patient-updated", PatientUpdated.class, Service.INTAKE),
    ELIGIBILITY_DETERMINED("eligibility-determined", EligibilityDetermined.class, Service.ELIGIBILITY),
    APPOINTMENT_BOOKED("appointment-booked", AppointmentBooked.class, Service.SCHEDULING),
    APPOINTMENT_RESCHEDULED("appointment-rescheduled", AppointmentRescheduled.class, Service.SCHEDULING),
    APPOINTMENT_CANCELLED("appointment-cancelled", AppointmentCancelled.class, Service.SCHEDULING),
    APPOINTMENT_NO_SHOW("appointment-no-show", AppointmentNoShow.class, Service.SCHEDULING),
    TREATMENT_COMPLETED("treatment-completed", TreatmentCompleted.class, Service.SCHEDULING),
    SLOT_OFFERED("slot-offered", SlotOffered.class, Service.SCHEDULING),
    FOLLOW_UP_RECORDED("follow-up-recorded", FollowUpRecorded.class, Service.FOLLOWUP),
    NEXT_CYCLE_DUE("next-cycle-due", NextCycleDue.class, Service.FOLLOWUP),
    PATIENT_NOTIFIED("patient-notified", PatientNotified.class, Service.FOLLOWUP),
    PATIENT_REPLIED("patient-replied", PatientReplied.class, Service.FOLLOWUP);

    /** The services that write topics; also their consumer group names. */
    public enum Service {
        INTAKE("intake-service"), ELIGIBILITY("eligibility-service"),
        SCHEDULING("scheduling-service"), FOLLOWUP("followup-service");

        private final String groupName;

        Service(String groupName) {
            this.groupName = groupName;
        }

        public String groupName() {
            return groupName;
        }
    }

    private final String topicName;
    private final Class<? extends SpecificRecord> eventType;
    private final Service writer;

    EventTopic(String topicName, Class<? extends SpecificRecord> eventType, Service writer) {
        this.topicName = topicName;
        this.eventType = eventType;
        this.writer = writer;
    }

    public String topicName() {
        return topicName;
    }

    public Class<? extends SpecificRecord> eventType() {
        return eventType;
    }

    public Service writer() {
        return writer;
    }

    /** Subject under which the value schema is registered (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return topicName + "-value";
    }

    /** Dead-letter topic of one consumer group, as the Spring Cloud Stream Kafka binder names it by default. */
    public String deadLetterTopic(Service consumer) {
        return "error." + topicName + "." + consumer.groupName();
    }

    public static EventTopic forEvent(SpecificRecord event) {
        return forEventType(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + event.getClass().getName()));
    }

    public static Optional<EventTopic> forEventType(Class<?> type) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(type)).findFirst();
    }

    public static Optional<EventTopic> forTopicName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }
}
