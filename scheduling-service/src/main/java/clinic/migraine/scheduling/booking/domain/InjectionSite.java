package clinic.migraine.scheduling.booking.domain;

import java.util.List;

/**
 * One line of the dose record: a muscle (named in {@code otherMuscle} when it is {@link Muscle#OTHER}), the side,
 * how many injections and how many units in all.
 */
public record InjectionSite(Muscle muscle, String otherMuscle, Side side, int injections, int units) {

    /**
     * The PREEMPT fixed-site plan (155 U at 31 sites), which the completion form offers for the clinician to confirm
     * or change; the server never records it by itself.
     */
    public static List<InjectionSite> preemptPlan() {
        return List.of(
                new InjectionSite(Muscle.PROCERUS, null, Side.MIDLINE, 1, 5),
                new InjectionSite(Muscle.CORRUGATOR, null, Side.BILATERAL, 2, 10),
                new InjectionSite(Muscle.FRONTALIS, null, Side.BILATERAL, 4, 20),
                new InjectionSite(Muscle.TEMPORALIS, null, Side.BILATERAL, 8, 40),
                new InjectionSite(Muscle.OCCIPITALIS, null, Side.BILATERAL, 6, 30),
                new InjectionSite(Muscle.CERVICAL_PARASPINAL, null, Side.BILATERAL, 4, 20),
                new InjectionSite(Muscle.TRAPEZIUS, null, Side.BILATERAL, 6, 30));
    }

    /** "Temporalis", or the name given for another muscle. */
    public String muscleName() {
        if (muscle == Muscle.OTHER) {
            return otherMuscle;
        }
        String words = muscle.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
