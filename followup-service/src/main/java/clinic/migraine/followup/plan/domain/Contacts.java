package clinic.migraine.followup.plan.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The patients' contacts, one per referral. */
public interface Contacts {

    /**
     * Keeps the first contact a referral brought; a later one for the same referral changes nothing.
     *
     * @return false when the contact was known already (a redelivery)
     */
    boolean saveIfNew(Contact contact);

    /**
     * Waits until no other transaction works on this referral's contact or visits, and keeps it so until this
     * transaction ends. The contact and the booking come on different topics and may be handled at the same
     * moment: each would see the other not yet there and neither would plan the confirmation.
     */
    void holdReferral(UUID referralId);

    Optional<Contact> find(UUID referralId);

    /** The contacts of these referrals, in one read, by referral. */
    Map<UUID, Contact> find(Collection<UUID> referralIds);

    List<Contact> withPhone(String phone);

    void recordOptOut(UUID referralId, Channel channel, boolean optedOut);

    void markWithdrawn(UUID referralId);

    /** The course ended for these reasons, confirmed by a clinician. */
    void markCourseEnded(UUID referralId, Set<CourseEndReason> reasons);

    /** Why the course ended; empty when it goes on (or ended before reasons were kept). */
    Set<CourseEndReason> courseEndReasons(UUID referralId);
}
