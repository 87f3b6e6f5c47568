package clinic.migraine.kit.pages;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the layout shows: this service's title and where the others' pages are ({@code clinic.site.*}).
 * Templates read it as {@code ${@site}}.
 */
@ConfigurationProperties("clinic.site")
public record Site(String title, Map<String, String> links) {

    public Site {
        title = title == null ? "Migraine clinic" : title;
        links = links == null ? Map.of() : Map.copyOf(links);
    }

    /** A page of another service (intake, eligibility, scheduling, followup), or "#" when it is not configured. */
    public String link(String service, String path) {
        String base = links.get(service);
        return base == null ? "#" : base.replaceAll("/$", "") + path;
    }
}
