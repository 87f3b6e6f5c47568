package clinic.migraine.kit.web;

import java.util.List;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.NotFound;
import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

class DomainErrorsTest {

    /** A form with one field, as pages bind them. */
    public static class Form {

        private String start;

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }
    }

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertThat(DomainErrors.status(new NotFound("appointment", "a1"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(DomainErrors.status(new Conflict("taken"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(DomainErrors.status(new RuleBroken("too early"))).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void fieldsKeepTheirFirstMessage() {
        RuleBroken refusal = new RuleBroken("two things", List.of(new Violation("start", "is in the past"),
                new Violation("start", "is off the grid"), new Violation("providerId", "is unknown")));

        assertThat(DomainErrors.byField(refusal)).containsExactly(
                java.util.Map.entry("start", "is in the past"), java.util.Map.entry("providerId", "is unknown"));
        assertThat(DomainErrors.fieldErrors(refusal)).extracting(FieldError::field)
                .containsExactly("start", "start", "providerId");
    }

    @Test
    void aFormShowsEveryMessageOnItsFieldOrOnTheWholeForm() {
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");

        DomainErrors.reject(form, new RuleBroken("two things", List.of(new Violation("start", "is in the past"),
                new Violation("providerId", "is unknown"))));

        assertThat(form.getFieldError("start").getDefaultMessage()).isEqualTo("is in the past");
        assertThat(form.getGlobalErrors()).singleElement()
                .satisfies(e -> assertThat(e.getDefaultMessage()).isEqualTo("is unknown"));
    }

    @Test
    void aRefusalWithoutFieldsMarksTheWholeForm() {
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");

        DomainErrors.reject(form, new Conflict("The review was closed meanwhile"));

        assertThat(form.getFieldErrorCount()).isZero();
        assertThat(form.getGlobalError().getDefaultMessage()).isEqualTo("The review was closed meanwhile");
    }
}
