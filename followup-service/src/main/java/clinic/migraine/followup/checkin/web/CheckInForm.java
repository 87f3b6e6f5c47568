package clinic.migraine.followup.checkin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.migraine.followup.checkin.domain.Feeling;
import clinic.migraine.followup.checkin.domain.SideEffect;
import org.springframework.validation.BindingResult;

/** What the check-in page posts, and the messages a patient sees next to what needs correcting. */
public class CheckInForm {

    static final int MAX_DAYS_SINCE_VISIT = 60;
    static final int MAX_NOTE = 2000;

    private Feeling feeling;
    private List<SideEffect> sideEffects = new ArrayList<>();
    private Integer headacheDaysSinceVisit;
    private String note;

    public Feeling getFeeling() {
        return feeling;
    }

    public void setFeeling(Feeling feeling) {
        this.feeling = feeling;
    }

    public List<SideEffect> getSideEffects() {
        return sideEffects;
    }

    public void setSideEffects(List<SideEffect> sideEffects) {
        this.sideEffects = sideEffects == null ? new ArrayList<>() : sideEffects;
    }

    public Integer getHeadacheDaysSinceVisit() {
        return headacheDaysSinceVisit;
    }

    public void setHeadacheDaysSinceVisit(Integer headacheDaysSinceVisit) {
        this.headacheDaysSinceVisit = headacheDaysSinceVisit;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** Whether the patient ticked this side effect (by its name, for the page). */
    public boolean has(String effect) {
        return sideEffects.stream().anyMatch(e -> e.name().equals(effect));
    }

    /** Field name → a message in plain words; empty when the answers can be recorded. */
    Map<String, String> problems(BindingResult binding) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (binding.hasFieldErrors("sideEffects")) {
            problems.put("sideEffects", "Please choose from the list.");
        }
        if (feeling == null) {
            problems.put("feeling", "Please choose how you feel since your injections.");
        }
        if (binding.hasFieldErrors("headacheDaysSinceVisit") || headacheDaysSinceVisit != null
                && (headacheDaysSinceVisit < 0 || headacheDaysSinceVisit > MAX_DAYS_SINCE_VISIT)) {
            problems.put("headacheDaysSinceVisit",
                    "Please enter a number of days from 0 to " + MAX_DAYS_SINCE_VISIT + ", or leave it empty.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.put("note", "Please keep your message under " + MAX_NOTE + " characters.");
        }
        return problems;
    }
}
