package clinic.migraine.followup.checkin.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/** What the headache diary page posts: headache days in the last 30 days, the measure of the treatment's effect. */
public class DiaryForm {

    private Integer headacheDaysLast30;

    public Integer getHeadacheDaysLast30() {
        return headacheDaysLast30;
    }

    public void setHeadacheDaysLast30(Integer headacheDaysLast30) {
        this.headacheDaysLast30 = headacheDaysLast30;
    }

    Map<String, String> problems(BindingResult binding) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (binding.hasFieldErrors("headacheDaysLast30") || headacheDaysLast30 == null || headacheDaysLast30 < 0
                || headacheDaysLast30 > 30) {
            problems.put("headacheDaysLast30", "Please enter a number of days from 0 to 30.");
        }
        return problems;
    }
}
