package clinic.migraine.followup;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import clinic.migraine.calendar.Invitations;
import clinic.migraine.followup.checkin.application.LinkTokens;
import clinic.migraine.followup.checkin.application.PatientLinks;
import clinic.migraine.followup.delivery.DeliveryOutlets;
import clinic.migraine.followup.delivery.HttpSmsGateway;
import clinic.migraine.followup.delivery.Mailer;
import clinic.migraine.followup.delivery.RecordingSmsGateway;
import clinic.migraine.followup.delivery.SmsGateway;
import clinic.migraine.followup.plan.application.Dispatcher;
import clinic.migraine.followup.plan.application.FollowUps;
import clinic.migraine.followup.plan.application.MessageTexts;
import clinic.migraine.followup.plan.application.Senders;
import clinic.migraine.followup.plan.domain.Contacts;
import clinic.migraine.followup.plan.domain.DeliveryAttempts;
import clinic.migraine.followup.plan.domain.Escalation;
import clinic.migraine.followup.plan.domain.KnownAppointments;
import clinic.migraine.followup.plan.domain.MessagePlan;
import clinic.migraine.followup.plan.domain.SlotOffers;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.followup.plan.domain.Messages;
import clinic.migraine.followup.plan.domain.PlanEvents;
import clinic.migraine.followup.plan.domain.QuietHours;
import clinic.migraine.followup.plan.persistence.Timers;
import clinic.migraine.kit.audit.ReadAudited;
import clinic.migraine.kit.phone.PhoneNumbers;
import clinic.migraine.kit.security.AccessRules;
import clinic.migraine.kit.security.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(FollowupProperties.class)
class FollowupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FollowupConfiguration.class);

    /** Reading one patient's messages and answers, on the API or the page, is audited. */
    @Bean
    ReadAudited messageReads() {
        return new ReadAudited(Map.of("/api/messages", "referral", "/messages", "referral"));
    }

    /**
     * Patients reach their pages by signed link, without an account: the token in the path is the credential,
     * checked by the page itself. The SMS gateway's webhook carries no staff credentials either. Staff pages and
     * their API are for clinicians and schedulers; marking an urgent alert handled is a clinician's act.
     */
    @Bean
    AccessRules followupAccess() {
        String clinician = StaffRole.CLINICIAN.name();
        String scheduler = StaffRole.SCHEDULER.name();
        return paths -> paths
                .requestMatchers("/checkins/*", "/api/checkins/*", "/diary/*", "/api/diary/*", "/unsubscribe/*",
                        "/followup/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/sms/inbound").permitAll()
                .requestMatchers(HttpMethod.POST, "/alerts/*/acknowledge", "/alerts/*/close", "/api/alerts/*/acknowledge",
                        "/api/alerts/*/close", "/tasks/*/done").hasRole(clinician)
                .requestMatchers("/tasks/**", "/api/tasks/**").hasRole(clinician)
                .requestMatchers("/", "/messages/**", "/alerts/**", "/api/messages/**", "/api/alerts/**")
                .hasAnyRole(clinician, scheduler);
    }

    /**
     * The keys of patients' links: {@code clinic.followup.links.keys.<id>} with {@code links.key-id} naming the one
     * that signs, and the single {@code link-secret} of before key ids as key 1. Refuses a guessable key outside the
     * local profile: anyone holding it could forge patients' links.
     */
    @Bean
    LinkTokens linkTokens(FollowupProperties properties, Environment environment) {
        int keyId = properties.links().keyId();
        return new LinkTokens(keyId, linkKeys(properties.links().keys(), properties.linkSecret(), keyId,
                environment.acceptsProfiles(Profiles.of("local"))));
    }

    /** The key ring: {@code links.keys}, the older single {@code link-secret} as key 1, the demo key when local. */
    static Map<Integer, String> linkKeys(Map<Integer, String> configured, String linkSecret, int keyId,
            boolean local) {
        Map<Integer, String> keys = new TreeMap<>(configured == null ? Map.of() : configured);
        if (linkSecret != null && !linkSecret.isBlank()) {
            keys.putIfAbsent(LinkTokens.LEGACY_KEY_ID, linkSecret);
        }
        if (keys.isEmpty() && local) {
            keys.put(LinkTokens.LEGACY_KEY_ID, FollowupProperties.LOCAL_LINK_SECRET);
        }
        if (!local && (keys.isEmpty() || keys.values().stream()
                .anyMatch(key -> key.length() < 32 || FollowupProperties.LOCAL_LINK_SECRET.equals(key)))) {
            throw new IllegalStateException("clinic.followup.links.keys.<id> (or the older clinic.followup.link-secret, "
                    + "key 1) must be set to a random value of at least 32 characters outside the local profile (it "
                    + "signs the links in patients' messages), with clinic.followup.links.key-id naming the one that "
                    + "signs new links");
        }
        if (!keys.containsKey(keyId)) {
            throw new IllegalStateException("clinic.followup.links.key-id is " + keyId
                    + " but no clinic.followup.links.keys." + keyId + " is set");
        }
        return keys;
    }

    /**
     * Refuses to start outside the local profile with the local SMS signing key or none: anyone holding it could
     * opt patients out of the messages that protect them, or back in after they said STOP.
     */
    @Bean
    SmsGateway smsGateway(FollowupProperties properties, Environment environment, PhoneNumbers phones) {
        String token = properties.sms().authToken();
        if (!environment.acceptsProfiles(Profiles.of("local"))
                && (token == null || token.isBlank() || FollowupProperties.LOCAL_SMS_AUTH_TOKEN.equals(token))) {
            throw new IllegalStateException("clinic.followup.sms.auth-token must be set to the SMS gateway account's "
                    + "auth token outside the local profile (it signs the gateway's inbound webhook calls)");
        }
        FollowupProperties.Sms sms = properties.sms();
        String from = phones.configured("clinic.followup.sms.from", sms.from());
        return "http".equals(sms.gateway())
                ? new HttpSmsGateway(sms.url(), sms.username(), sms.password(), from)
                : new RecordingSmsGateway();
    }

    @Bean
    Mailer mailer(JavaMailSender sender, FollowupProperties properties) {
        return new Mailer(sender, properties.fromAddress());
    }

    @Bean
    DeliveryOutlets outlets(Mailer mailer, SmsGateway sms) {
        return new DeliveryOutlets(mailer, sms);
    }

    /** The offsets and quiet hours of {@code clinic.followup.*} as the plan's rules read them. */
    @Bean
    MessagePlan messagePlan(FollowupProperties properties) {
        return new MessagePlan(properties.reminderLeadTimes(), properties.checkInAfter(), properties.diaryEvery(),
                properties.diaryRequests(), properties.nextCycleAfter(), properties.minimumInterval(),
                new QuietHours(properties.quietFrom(), properties.quietUntil()),
                new Escalation(properties.onCall().escalateEvery(), properties.onCall().escalations(),
                        properties.onCall().phone() != null && !properties.onCall().phone().isBlank()));
    }

    @Bean
    PatientLinks patientLinks(LinkTokens tokens, Messages messages, FollowupProperties properties, Clock clock) {
        return new PatientLinks(tokens, messages, new PatientLinks.Settings(properties.publicBaseUrl(),
                properties.linkValidity(), properties.unsubscribeLinkValidity()), clock);
    }

    @Bean(destroyMethod = "stop")
    Timers timers(DataSource dataSource, ObjectProvider<Dispatcher> dispatcher, ObjectProvider<Senders> senders,
            ObjectProvider<FollowUps> followUps, @Value("${clinic.followup.timer-polling:1s}") Duration polling) {
        return new Timers(dataSource, id -> dispatcher.getObject().dispatch(id), () -> senders.getObject().wake(),
                check -> followUps.getObject().cycleDue(check), polling);
    }

    @Bean(destroyMethod = "stop")
    Senders senders(Dispatcher dispatcher, FollowupProperties properties) {
        FollowupProperties.Dispatch dispatch = properties.dispatch();
        return new Senders(dispatcher, dispatch.senders(), dispatch.batchSize(), dispatch.poll());
    }

    @Bean
    Dispatcher dispatcher(Messages messages, Contacts contacts, KnownAppointments appointments,
            PlatformTransactionManager transactions, DeliveryOutlets outlets, PlanEvents events, PatientLinks links,
            FollowupProperties properties, MessagePlan plan, Clock clock, SlotOffers offers,
            PatientDirectory directory, PhoneNumbers phones, Invitations invitations) {
        // the clinic's number stays as patients should read it; checked so that a typo stops the start, not a call
        phones.configured("clinic.followup.clinic-phone", properties.clinicPhone());
        return new Dispatcher(directory, messages, contacts, appointments, offers, new TransactionTemplate(transactions), outlets,
                events,
                links, new DeliveryAttempts(properties.deliveryAttempts()), properties.retryBackoff(),
                new Dispatcher.StaffAddresses(properties.alertAddress(), properties.onCall().email(),
                        phones.configured("clinic.followup.on-call.phone", properties.onCall().phone())),
                new MessageTexts.Clinic(properties.clinicPhone(), properties.clinicAddress()),
                plan.quietHours(), invitations, clock);
    }

    /**
     * Timers and senders start once the schema is migrated; interrupted sends from a crash are settled first:
     * those never handed to their channel are planned again, handed routine ones are marked UNKNOWN, handed urgent
     * ones are planned again and go at once. Message timers from before
     * messages were sent by due time are retired.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startTimers(ApplicationReadyEvent event) {
        Messages.Interrupted interrupted = event.getApplicationContext().getBean(Messages.class)
                .settleInterruptedSends();
        if (interrupted.neverHanded() > 0) {
            log.info("{} messages were claimed but not yet handed to their channel when the service stopped; planned"
                    + " again", interrupted.neverHanded());
        }
        if (interrupted.markedUnknown() > 0) {
            log.warn("{} messages were interrupted between claim and send and are marked UNKNOWN",
                    interrupted.markedUnknown());
        }
        if (!interrupted.urgentToSendAgain().isEmpty()) {
            log.warn("{} urgent messages were interrupted between claim and send and go again",
                    interrupted.urgentToSendAgain().size());
        }
        Timers timers = event.getApplicationContext().getBean(Timers.class);
        int retired = timers.retireMessageTimers();
        if (retired > 0) {
            log.info("{} message timers retired: their messages are sent by due time", retired);
        }
        timers.start();
        event.getApplicationContext().getBean(Senders.class).start();
    }
}
