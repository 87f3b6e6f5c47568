package clinic.migraine.followup.plan.domain;

/**
 * Where a message is in its life: PLANNED until its timer fires, SENDING once claimed, then SENT, FAILED (with the
 * reason), DROPPED (no longer makes sense), CANCELLED (its visit moved or ended) or UNKNOWN (a crash came between
 * claim and send).
 */
public enum MessageStatus {
    PLANNED, SENDING, SENT, FAILED, DROPPED, CANCELLED, UNKNOWN
}
