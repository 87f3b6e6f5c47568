package clinic.migraine.scheduling.booking.web;

import java.util.Map;

import clinic.migraine.kit.audit.ReadAudited;
import clinic.migraine.kit.security.AccessRules;
import clinic.migraine.kit.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what here. Schedulers run the calendar; clinicians follow the board, open an appointment and record
 * the treatment they gave (the dose record is a clinician's alone). The narrower rules come first: the first that
 * matches decides.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingAccess {

    private static final String SCHEDULER = StaffRole.SCHEDULER.name();
    private static final String CLINICIAN = StaffRole.CLINICIAN.name();

    /** Reading one appointment (with its dose record), on the API, the page or as a calendar file, is audited. */
    @Bean
    ReadAudited appointmentReads() {
        return new ReadAudited(Map.of("/api/appointments/{id}", "appointment", "/appointments/{id}", "appointment",
                "/api/appointments/{id}.ics", "appointment", "/fhir/Appointment/{id}", "appointment"));
    }

    @Bean
    AccessRules schedulingAccessRules() {
        return paths -> paths
                .requestMatchers(HttpMethod.GET, "/scheduling/**").permitAll()
                // the patient's own visit page: the signed link is the key, no sign-in
                .requestMatchers(HttpMethod.GET, "/visit/*", "/visit/*/offers/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/visit/*/confirm", "/visit/*/cancel", "/visit/*/move",
                        "/visit/*/offers/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/").authenticated()
                // what the FHIR endpoint can do is no secret; its appointments and slots are the schedulers'
                .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                .requestMatchers(HttpMethod.GET, "/fhir/Appointment", "/fhir/Appointment/*", "/fhir/Slot")
                        .hasAnyRole(SCHEDULER, CLINICIAN)
                .requestMatchers(HttpMethod.GET, "/api/appointments/stream").hasAnyRole(SCHEDULER, CLINICIAN)
                // the dose record is the injecting clinician's, never a scheduler's
                .requestMatchers(HttpMethod.POST, "/api/appointments/*/complete", "/appointments/*/complete")
                        .hasRole(CLINICIAN)
                .requestMatchers(HttpMethod.GET, "/board", "/board/fragment", "/appointments/*", "/today",
                        "/today/fragment", "/board/search").hasAnyRole(SCHEDULER, CLINICIAN)
                .requestMatchers("/board/**", "/today/**", "/appointments/**", "/api/appointments/**", "/api/slots",
                        "/api/closures/**", "/rebooking/**", "/api/rebooking/**").hasRole(SCHEDULER);
    }
}
