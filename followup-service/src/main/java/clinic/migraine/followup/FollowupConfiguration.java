package clinic.migraine.followup;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import clinic.migraine.followup.checkin.LinkTokens;
import clinic.migraine.followup.delivery.HttpSmsGateway;
import clinic.migraine.followup.delivery.Mailer;
import clinic.migraine.followup.delivery.RecordingSmsGateway;
import clinic.migraine.followup.delivery.SmsGateway;
import clinic.migraine.followup.plan.Dispatcher;
import clinic.migraine.followup.plan.FollowUps;
import clinic.migraine.followup.plan.FollowupStore;
import clinic.migraine.followup.plan.Timers;
import clinic.migraine.kit.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(FollowupProperties.class)
class FollowupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FollowupConfiguration.class);

    @Bean
    LinkTokens linkTokens(FollowupProperties properties) {
        return new LinkTokens(properties.linkSecret());
    }

    @Bean
    SmsGateway smsGateway(FollowupProperties properties) {
        FollowupProperties.Sms sms = properties.sms();
        return "http".equals(sms.gateway())
                ? new HttpSmsGateway(sms.url(), sms.username(), sms.password(), sms.from())
                : new RecordingSmsGateway();
    }

    @Bean
    Mailer mailer(JavaMailSender sender, FollowupProperties properties) {
        return new Mailer(sender, properties.fromAddress());
    }

    @Bean(destroyMethod = "stop")
    Timers timers(DataSource dataSource, ObjectProvider<Dispatcher> dispatcher, ObjectProvider<FollowUps> followUps,
            @Value("${clinic.followup.timer-polling:1s}") Duration polling, FollowupProperties properties) {
        return new Timers(dataSource, (id, attempt) -> dispatcher.getObject().dispatch(id, attempt),
                data -> followUps.getObject().cycleDue(data), polling, properties.retryBackoff());
    }

    @Bean
    Dispatcher dispatcher(FollowupStore store, PlatformTransactionManager transactions, Mailer mailer, SmsGateway sms,
            Outbox outbox, LinkTokens tokens, FollowupProperties properties, Clock clock) {
        return new Dispatcher(store, new TransactionTemplate(transactions), mailer, sms, outbox, tokens, properties, clock);
    }

    /** Timers start once the schema is migrated; interrupted sends from a crash are settled first. */
    @EventListener(ApplicationReadyEvent.class)
    void startTimers(ApplicationReadyEvent event) {
        int interrupted = event.getApplicationContext().getBean(FollowupStore.class).markInterruptedSends();
        if (interrupted > 0) {
            log.warn("{} messages were interrupted between claim and send and are marked UNKNOWN", interrupted);
        }
        event.getApplicationContext().getBean(Timers.class).start();
    }
}
