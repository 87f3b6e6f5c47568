package clinic.migraine.followup.checkin.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A patient's link that cannot be used, answered as problem details: 410 when it expired (so an app can say so),
 * 404 when it was tampered with, is for something else or names no message. Not a domain refusal: the link is
 * the web's credential.
 */
final class LinkRefused extends ErrorResponseException {

    private LinkRefused(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static LinkRefused expired() {
        return new LinkRefused(HttpStatus.GONE, "Link expired", "This link has expired");
    }

    static LinkRefused notValid() {
        return new LinkRefused(HttpStatus.NOT_FOUND, "Link not valid", "This link is not valid");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
