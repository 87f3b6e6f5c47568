package clinic.migraine.followup.checkin.domain;

/**
 * What a patient may report after the injections, in the order every answer lists them. Trouble swallowing,
 * speaking or breathing is the label's boxed warning (possible toxin spread): it makes an answer urgent.
 */
public enum SideEffect {
    NECK_PAIN_OR_STIFFNESS, INJECTION_SITE_PAIN, DROOPING_EYELID, TROUBLE_SWALLOWING_SPEAKING_BREATHING, HEADACHE,
    OTHER;

    public boolean signOfToxinSpread() {
        return this == TROUBLE_SWALLOWING_SPEAKING_BREATHING;
    }
}
