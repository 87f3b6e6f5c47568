package clinic.migraine.followup.checkin.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import clinic.migraine.followup.checkin.application.CheckIns;
import clinic.migraine.followup.checkin.application.LinkTokens;
import clinic.migraine.followup.checkin.application.PatientLinks;
import clinic.migraine.followup.checkin.domain.Answer;
import clinic.migraine.followup.checkin.domain.AnswerKind;
import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.Reply;
import clinic.migraine.followup.checkin.domain.SideEffect;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The JSON side of patients' links (for apps and tests), and the SMS gateway's inbound webhook. */
@RestController
class PatientApiController {

    private final PatientLinks links;
    private final CheckIns checkIns;

    PatientApiController(PatientLinks links, CheckIns checkIns) {
        this.links = links;
        this.checkIns = checkIns;
    }

    /**
     * The first four side-effect questions are required; the later ones (the other signs of toxin spread, neck
     * weakness) are optional so that clients written before them keep working, and absent means not reported. The
     * rest is what the check-in page asks as well.
     */
    record CheckInAnswer(@NotNull Boolean neckPainOrStiffness, @NotNull Boolean injectionSitePain,
            @NotNull Boolean droopingEyelid, @NotNull Boolean troubleSwallowingSpeakingBreathing,
            Boolean doubleOrBlurredVision, Boolean generalizedMuscleWeakness, Boolean voiceChangeOrHoarseness,
            Boolean neckWeakness,
            @Min(0) @Max(30) Integer headacheDaysLast30, Feeling feeling,
            @Min(0) @Max(CheckInForm.MAX_DAYS_SINCE_VISIT) Integer headacheDaysSinceVisit,
            @Size(max = CheckInForm.MAX_NOTE) String note) {

        Set<SideEffect> sideEffects() {
            Set<SideEffect> effects = EnumSet.noneOf(SideEffect.class);
            if (neckPainOrStiffness) {
                effects.add(SideEffect.NECK_PAIN_OR_STIFFNESS);
            }
            if (injectionSitePain) {
                effects.add(SideEffect.INJECTION_SITE_PAIN);
            }
            if (droopingEyelid) {
                effects.add(SideEffect.DROOPING_EYELID);
            }
            if (troubleSwallowingSpeakingBreathing) {
                effects.add(SideEffect.TROUBLE_SWALLOWING_SPEAKING_BREATHING);
            }
            if (Boolean.TRUE.equals(doubleOrBlurredVision)) {
                effects.add(SideEffect.DOUBLE_OR_BLURRED_VISION);
            }
            if (Boolean.TRUE.equals(generalizedMuscleWeakness)) {
                effects.add(SideEffect.GENERALIZED_MUSCLE_WEAKNESS);
            }
            if (Boolean.TRUE.equals(voiceChangeOrHoarseness)) {
                effects.add(SideEffect.VOICE_CHANGE_OR_HOARSENESS);
            }
            if (Boolean.TRUE.equals(neckWeakness)) {
                effects.add(SideEffect.NECK_WEAKNESS);
            }
            return effects;
        }
    }

    record DiaryAnswer(@NotNull @Min(0) @Max(30) Integer headacheDaysLast30) {
    }

    @PostMapping(path = "/api/checkins/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> checkIn(@PathVariable String token, @Valid @RequestBody CheckInAnswer body) {
        Answer saved = checkIns.record(target(token, LinkTokens.Purpose.CHECK_IN), AnswerKind.CHECK_IN,
                new Reply(body.sideEffects(), body.headacheDaysLast30(), body.headacheDaysSinceVisit(),
                        body.feeling(), body.note()));
        return Map.of("recorded", true, "urgent", saved.urgent(), "advice", saved.urgent()
                ? "Please seek medical care now (call 911 in an emergency). The clinic has been told."
                : "Thank you. Neck pain usually passes; ice packs help.");
    }

    @PostMapping(path = "/api/diary/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> diary(@PathVariable String token, @Valid @RequestBody DiaryAnswer body) {
        checkIns.record(target(token, LinkTokens.Purpose.DIARY), AnswerKind.DIARY,
                new Reply(Set.of(), body.headacheDaysLast30(), null, null, null));
        return Map.of("recorded", true);
    }

    private PatientLinks.Target target(String token, LinkTokens.Purpose purpose) {
        PatientLinks.Opened opened = links.open(token, purpose);
        if (opened.state() == PatientLinks.State.EXPIRED) {
            throw LinkRefused.expired();
        }
        if (!opened.valid()) {
            throw LinkRefused.notValid();
        }
        return opened.target();
    }
}
