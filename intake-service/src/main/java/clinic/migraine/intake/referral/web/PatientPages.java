package clinic.migraine.intake.referral.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.intake.referral.application.PatientQueries;
import clinic.migraine.intake.referral.application.PatientResolution;
import clinic.migraine.kit.pages.ClinicTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The patient pages: search, and one patient across referrals with the headache-days chart. */
@Controller
class PatientPages {

    private final PatientQueries queries;
    private final PatientResolution resolution;
    private final ClinicTime clinicTime;

    PatientPages(PatientQueries queries, PatientResolution resolution, ClinicTime clinicTime) {
        this.queries = queries;
        this.resolution = resolution;
        this.clinicTime = clinicTime;
    }

    @GetMapping("/patients")
    String list(Model model) {
        model.addAttribute("q", "");
        model.addAttribute("patients", List.of());
        model.addAttribute("searched", false);
        return "patients/list";
    }

    /** The search box posts, so that names and birth dates never land in addresses or logs. */
    @PostMapping("/patients/search")
    String search(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > ReferralPages.MAX_QUERY_LENGTH) {
            query = query.substring(0, ReferralPages.MAX_QUERY_LENGTH);
        }
        model.addAttribute("q", query);
        model.addAttribute("patients", query.isEmpty() ? List.of()
                : queries.search(query, PatientController.SEARCH_LIMIT));
        model.addAttribute("searched", !query.isEmpty());
        return "patients/list";
    }

    @GetMapping("/patients/{id}")
    ModelAndView patient(@PathVariable UUID id) {
        PatientQueries.PatientFile file = queries.file(id).orElse(null);
        if (file == null) {
            return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
        }
        if (!file.patient().id().equals(id)) {
            // merged away: the survivor's page answers
            return new ModelAndView("redirect:/patients/" + file.patient().id());
        }
        List<HeadacheChart.Reading> readings = new ArrayList<>();
        file.baselines().stream().filter(b -> b.headacheDaysPerMonth() != null)
                .forEach(b -> readings.add(new HeadacheChart.Reading(
                        LocalDate.ofInstant(b.submitted(), clinicTime.zone()), b.headacheDaysPerMonth(), "Referral")));
        file.diary().forEach(d -> readings.add(new HeadacheChart.Reading(
                LocalDate.ofInstant(d.at(), clinicTime.zone()), d.headacheDays(), "Diary, cycle " + d.cycle())));
        readings.sort(Comparator.comparing(HeadacheChart.Reading::date));
        Integer baseline = file.baselines().stream().map(PatientQueries.Baseline::headacheDaysPerMonth)
                .filter(b -> b != null).findFirst().orElse(null);
        ModelAndView page = new ModelAndView("patients/patient");
        page.addObject("file", file);
        page.addObject("readings", readings);
        page.addObject("baseline", baseline);
        page.addObject("continuation", file.continuationHeadacheDays());
        page.addObject("chart", HeadacheChart.svg(readings,
                file.treatments().stream().map(PatientQueries.Treatment::date).toList(), baseline,
                file.continuationHeadacheDays()));
        return page;
    }

    @PostMapping("/patients/{id}/duplicates/{otherId}/merge")
    String merge(@PathVariable UUID id, @PathVariable UUID otherId) {
        return "redirect:/patients/" + resolution.merge(id, otherId);
    }

    @PostMapping("/patients/{id}/duplicates/{otherId}/keep-apart")
    String keepApart(@PathVariable UUID id, @PathVariable UUID otherId) {
        resolution.keepApart(id, otherId);
        return "redirect:/patients/" + id;
    }

    /** A name typed wrong at intake, corrected here; a blank or unprintable one is refused and nothing changes. */
    @PostMapping("/patients/{id}/name")
    String rename(@PathVariable UUID id, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, RedirectAttributes redirect) {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        if (!first.matches(ReferralRequest.PRINTABLE_NAME) || !last.matches(ReferralRequest.PRINTABLE_NAME)) {
            redirect.addFlashAttribute("nameProblem", "Enter the first and the last name (1 to 100 printable "
                    + "characters each); nothing was changed.");
            return "redirect:/patients/" + id;
        }
        resolution.rename(id, first, last);
        redirect.addFlashAttribute("nameNotice", "Name corrected on every referral; the other services show it too.");
        return "redirect:/patients/" + id;
    }
}
