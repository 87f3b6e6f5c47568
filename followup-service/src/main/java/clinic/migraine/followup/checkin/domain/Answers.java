package clinic.migraine.followup.checkin.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Patients' answers, one per link. */
public interface Answers {

    /** @throws AlreadyAnswered when an answer through this link exists already */
    void add(Answer answer);

    Optional<Answer> find(UUID id);

    /** A patient's answers, newest first. */
    List<Answer> ofReferral(UUID referralId);

    /** Urgent answers (the clinic's alerts), newest first. */
    List<Answer> newestUrgent(int limit);

    /** Answers a clinician should see without an emergency (their tasks), newest first. */
    List<Answer> newestTasks(int limit);

    /** Saves who handled (acknowledged) an alert or did a task; false when someone else did first. */
    boolean saveHandled(Answer handled);

    /** Saves the closing of an alert (and its acknowledgement, if it was still open); false when closed before. */
    boolean saveClosed(Answer closed);
}
