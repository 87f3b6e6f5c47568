package clinic.migraine.kit;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.PatientUpdated;
import clinic.migraine.kit.audit.AuditController;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.audit.ReadAudit;
import clinic.migraine.kit.audit.ReadAudited;
import clinic.migraine.kit.config.RequiredOutsideLocal;
import clinic.migraine.kit.inbox.ProcessedEvents;
import clinic.migraine.kit.messaging.DeadLetterInbox;
import clinic.migraine.kit.messaging.DeadLetters;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.outbox.OutboxCleanup;
import clinic.migraine.kit.outbox.OutboxProperties;
import clinic.migraine.kit.outbox.OutboxRelay;
import clinic.migraine.kit.outbox.TraceHeaders;
import clinic.migraine.kit.patients.PatientDirectory;
import clinic.migraine.kit.pages.ClinicTime;
import clinic.migraine.kit.pages.SignInController;
import clinic.migraine.kit.pages.Site;
import clinic.migraine.kit.phone.PhoneNumbers;
import clinic.migraine.kit.security.ClinicSecurityConfiguration;
import clinic.migraine.kit.web.DeadLetterController;
import clinic.migraine.kit.web.ProblemDetailsAdvice;
import clinic.migraine.kit.web.ProblemErrorReportValve;
import clinic.migraine.kit.web.RequestSizeLimitFilter;
import clinic.migraine.kit.web.StrictTimes;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.catalina.core.StandardHost;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the shared pieces into every service: outbox + relay, processed events, problem details, a clock, sign-in
 * and roles, the audit trail and the shared look of the pages.
 */
@AutoConfiguration(beforeName = {
        // our filter chain and staff accounts stand in for Boot's defaults (a generated password)
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
@Import({ProblemDetailsAdvice.class, ClinicSecurityConfiguration.class})
public class ServiceKitAutoConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, Clock clock) {
        return new AuditTrail(jdbc, clock);
    }

    /** Who each referral's patient is, for the staff pages: {@code @patientDirectory} in templates. */
    @Bean
    PatientDirectory patientDirectory(JdbcClient jdbc) {
        return new PatientDirectory(jdbc);
    }

    /**
     * Intake's correction of a patient's name, applied once to the directory, for a service that still binds
     * {@code patientUpdated} to {@code patient-updated} on its own (a batch binding uses
     * {@link clinic.migraine.kit.messaging.EventHandlers#patientUpdates} instead).
     */
    @Bean
    Consumer<PatientUpdated> patientUpdated(ProcessedEvents processed, PatientDirectory directory) {
        return event -> processed.applyOnce(event, () -> directory.rename(event.getReferralId(), event.getPatientId(),
                event.getFirstName(), event.getLastName()));
    }

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    /** Every read of one patient's record the service names ({@link ReadAudited}) goes to the audit trail. */
    @Bean
    WebMvcConfigurer readAuditing(AuditTrail trail, ObjectProvider<ReadAudited> audited) {
        Map<String, String> patterns = new HashMap<>();
        audited.orderedStream().forEach(a -> patterns.putAll(a.subjectTypeByPattern()));
        ReadAudit interceptor = new ReadAudit(trail, patterns);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /** Dates and times in request bodies only as ISO-8601 text (no numbers, arrays or empty strings). */
    @Bean
    StrictTimes strictTimes() {
        return new StrictTimes();
    }

    /** Templates read it as {@code ${@site}}. */
    @Bean
    Site site(Environment environment) {
        return Binder.get(environment).bind("clinic.site", Site.class).orElseGet(() -> new Site(null, null));
    }

    /** Templates read it as {@code ${@clinicTime}}. */
    @Bean
    ClinicTime clinicTime(@Value("${clinic.time-zone:America/Los_Angeles}") ZoneId zone) {
        return new ClinicTime(zone);
    }

    /**
     * Phone numbers in E.164; one typed without "+" is read in {@code clinic.phone.default-region} (the clinic's
     * country, US unless set). An unknown region stops the service at start-up, naming the key.
     */
    @Bean
    PhoneNumbers phoneNumbers(@Value("${clinic.phone.default-region:US}") String defaultRegion) {
        return new PhoneNumbers(defaultRegion);
    }

    @Bean
    SignInController signInController() {
        return new SignInController();
    }

    /** The database password outside the local profile, checked before anything connects. */
    @Bean
    static RequiredOutsideLocal requiredOutsideLocal(Environment environment) {
        return new RequiredOutsideLocal(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> outboxKafkaTemplate(KafkaProperties kafka,
            @Value("${clinic.schema-registry.url}") String registryUrl) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /**
     * The topics this service writes, created (or widened) at start with {@code clinic.kafka.partitions}
     * partitions, the broker's replication factor; the binder does the same for the topics it reads and their dead
     * letters ({@code min-partition-count}; a dead-letter topic as many as its topic).
     */
    @Bean
    KafkaAdmin.NewTopics writtenTopics(@Value("${spring.application.name}") String service,
            @Value("${clinic.kafka.partitions}") int partitions) {
        return new KafkaAdmin.NewTopics(Arrays.stream(EventTopic.values())
                .filter(topic -> topic.writer().groupName().equals(service))
                .map(topic -> new NewTopic(topic.topicName(), Optional.of(partitions), Optional.empty()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<String, SpecificRecord> outboxKafkaTemplate,
            MeterRegistry meters) {
        return new DeadLetters(rawTemplate(kafka), outboxKafkaTemplate, meters);
    }

    /** Its producer is made at the first replay only. */
    @Bean
    DeadLetterInbox deadLetterInbox(KafkaProperties kafka, JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${spring.cloud.stream.default.group}") String group) {
        return new DeadLetterInbox(kafka.buildConsumerProperties(), rawTemplate(kafka), jdbc,
                new TransactionTemplate(transactions), group);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterInbox inbox) {
        return new DeadLetterController(inbox);
    }

    /** Writes byte[] values as they are. */
    private static KafkaTemplate<String, byte[]> rawTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
            KafkaTemplate<String, SpecificRecord> outboxKafkaTemplate, OutboxProperties properties,
            MeterRegistry meters) {
        OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(transactions), outboxKafkaTemplate, properties);
        Gauge.builder("clinic.outbox.backlog", relay, OutboxRelay::backlog)
                .description("events stored in the outbox and not yet published")
                .register(meters);
        return relay;
    }

    @Bean
    OutboxCleanup outboxCleanup(JdbcClient jdbc, PlatformTransactionManager transactions,
            OutboxProperties properties) {
        return new OutboxCleanup(jdbc, new TransactionTemplate(transactions), properties);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new Outbox(jdbc, relay, new TraceHeaders(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    /** Applies each poll of a service's one binding in one transaction, see {@link EventBatches}. */
    @Bean
    EventBatches eventBatches(ProcessedEvents processed, PlatformTransactionManager transactions,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventBatches(processed, transactions, tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** Tomcat's own error answers (before any servlet runs) as problem details, see ProblemErrorReportValve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${clinic.web.max-body-size:64KB}") DataSize limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
