package clinic.migraine.kit.audit;

import java.util.Map;
import java.util.UUID;

import clinic.migraine.kit.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful read of one patient's data: who, which kind of record, its id, and the address
 * pattern read (never the data). A service names its readable records: the mapping's path pattern (as written in
 * the controller, e.g. {@code /api/referrals/{id}}) to the kind of subject, the subject's id taken from the path
 * variable {@code id} or, for lists of one patient, from the query parameter {@code patient} (or {@code referral},
 * as the messages page names it); a search by name names no subject and is not a read of one patient's data.
 */
public class ReadAudit implements HandlerInterceptor {

    private final AuditTrail trail;
    private final Map<String, String> subjectTypeByPattern;

    /** @param subjectTypeByPattern e.g. {@code "/api/referrals/{id}" -> "referral"} */
    public ReadAudit(AuditTrail trail, Map<String, String> subjectTypeByPattern) {
        this.trail = trail;
        this.subjectTypeByPattern = Map.copyOf(subjectTypeByPattern);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!"GET".equals(request.getMethod()) || failure != null || response.getStatus() >= 300) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String subjectType = pattern == null ? null : subjectTypeByPattern.get(pattern.toString());
        if (subjectType == null) {
            return;
        }
        UUID subject = subjectOf(request);
        if (subject != null) {
            String actor = Actors.currentOrNull();
            trail.recordBy(actor == null ? "anonymous" : actor, "read", subjectType, subject,
                    "referral".equals(subjectType) ? subject : null, "GET " + pattern);
        }
    }

    private static UUID subjectOf(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables != null && variables.get("id") != null ? variables.get("id")
                : request.getParameter("patient") != null ? request.getParameter("patient")
                        : request.getParameter("referral");
        try {
            return id == null ? null : UUID.fromString(id.endsWith(".ics") ? id.substring(0, id.length() - 4) : id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
