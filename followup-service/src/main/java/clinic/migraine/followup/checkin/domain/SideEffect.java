package clinic.migraine.followup.checkin.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a patient may report after the injections, in the order every answer lists them. The signs of possible
 * toxin spread (the label's boxed warning) make an answer urgent: trouble swallowing, speaking or breathing,
 * double or blurred vision, generalised muscle weakness, a changed or hoarse voice. A drooping eyelid alone, or
 * neck muscles too weak to hold the head up, is a clinician's task, not an emergency; with any spread sign the
 * answer is urgent anyway.
 */
public enum SideEffect {
    NECK_PAIN_OR_STIFFNESS, INJECTION_SITE_PAIN, DROOPING_EYELID, TROUBLE_SWALLOWING_SPEAKING_BREATHING, HEADACHE,
    DOUBLE_OR_BLURRED_VISION, GENERALIZED_MUSCLE_WEAKNESS, VOICE_CHANGE_OR_HOARSENESS, NECK_WEAKNESS, OTHER;

    private static final Set<SideEffect> SPREAD = EnumSet.of(TROUBLE_SWALLOWING_SPEAKING_BREATHING,
            DOUBLE_OR_BLURRED_VISION, GENERALIZED_MUSCLE_WEAKNESS, VOICE_CHANGE_OR_HOARSENESS);

    private static final Set<SideEffect> FOR_A_CLINICIAN = EnumSet.of(DROOPING_EYELID, NECK_WEAKNESS);

    public boolean signOfToxinSpread() {
        return SPREAD.contains(this);
    }

    /** Not urgent, but a clinician should know and decide (a task). */
    public boolean forAClinician() {
        return FOR_A_CLINICIAN.contains(this);
    }
}
