package clinic.migraine.scheduling.booking.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What the pages share: refusals rendered with the shared error page (the API answers problem details). */
final class Pages {

    private Pages() {
    }

    static ModelAndView error(HttpStatus status) {
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
