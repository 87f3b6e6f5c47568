package clinic.migraine.kit.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, in the shared look; Spring Security takes the form's POST. */
@Controller
public class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "clinic/login";
    }
}
