package clinic.migraine.kit.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, in the shared look; Spring Security takes the form's POST. */
@Controller
public class SignInController {

    /** The longest wait the page repeats from its address; anything else there is not a number it shows. */
    private static final int LONGEST_LOCK_MINUTES = 24 * 60;

    @GetMapping("/login")
    String signIn(@RequestParam(name = "locked", required = false) String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", minutes(locked));
        }
        return "clinic/login";
    }

    /** The minutes the sign-in throttle named, or null when the address carries something else. */
    private static Integer minutes(String locked) {
        if (!locked.matches("\\d{1,4}")) {
            return null;
        }
        int minutes = Integer.parseInt(locked);
        return minutes >= 1 && minutes <= LONGEST_LOCK_MINUTES ? minutes : null;
    }
}
