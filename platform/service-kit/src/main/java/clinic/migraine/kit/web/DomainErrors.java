package clinic.migraine.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.DomainException;
import clinic.migraine.domain.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;

/**
 * How a domain's refusal reads on the web, for the API (through {@link ProblemDetailsAdvice}) and for every page
 * that shows it next to a form. The domain knows nothing of HTTP; this class is the only mapping.
 */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** 404 for {@link NotFound}, 409 for {@link Conflict}, 422 for a broken rule. */
    public static HttpStatus status(DomainException refusal) {
        if (refusal instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof Conflict) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    /** The fields at fault, as listed under {@code errors} in a problem body. */
    public static List<FieldError> fieldErrors(DomainException refusal) {
        return refusal.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
    }

    /** Field → message for a page that marks its inputs (the first message of a field wins). */
    public static Map<String, String> byField(DomainException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.violations().forEach(v -> errors.putIfAbsent(v.field(), v.message()));
        return errors;
    }

    /**
     * Marks a bound form with the refusal: each field it names, or the whole form when it names none. A field the
     * form does not have is reported on the form, so no message is lost.
     */
    public static void reject(Errors form, DomainException refusal) {
        if (refusal.violations().isEmpty()) {
            form.reject("refused", refusal.getMessage());
            return;
        }
        refusal.violations().forEach(v -> {
            try {
                form.rejectValue(v.field(), "refused", v.message());
            } catch (RuntimeException notAField) {
                form.reject("refused", v.message());
            }
        });
    }
}
