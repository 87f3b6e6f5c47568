package clinic.migraine.followup;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.followup.*}: when patients hear from the clinic and how messages go out. Offsets are durations,
 * so a test can shorten them to seconds while dates stay real.
 *
 * @param diaryEvery how often the patient is asked for headache days after each treatment (monthly: 28 days)
 * @param diaryRequests how many diary requests follow each treatment (3: the cycle's reports, which eligibility
 *     reads for the next cycle)
 * @param nextCycleAfter when, after a treatment, eligibility is asked about the next cycle: 56 days, four weeks
 *     before the earliest date, leaving time to renew a prior authorization
 * @param deliveryAttempts how often a message is tried while the mail server or SMS gateway is down or throttling
 *     (with {@code retryBackoff} doubling between attempts: 15 s, 30 s, 1 min, ...; for 10 the last try is about
 *     2 h 8 min after the first) before it is recorded FAILED with the reason, for staff to see
 * @param linkSecret the single HMAC key of patients' links from before keys had ids: taken as key 1 of
 *     {@code links} unless that names a key 1 itself
 * @param links the keys of patients' links: {@code keyId} signs new links, every key in {@code keys} (id → secret,
 *     at least 32 characters) still verifies the links already sent; the local profile has a demo key, anywhere
 *     else the service refuses to start without its own
 * @param linkValidity how long a check-in or diary link works after it was sent
 * @param unsubscribeLinkValidity how long the unsubscribe link in an email works (law asks for at least 30 days)
 * @param clinicPhone the number patients are told to call, as they should read it
 * @param clinicAddress the clinic's postal address, at the end of every message to a patient
 * @param dispatch how due messages are sent
 */
@ConfigurationProperties("clinic.followup")
public record FollowupProperties(
        @DefaultValue({"7d", "1d"}) List<Duration> reminderLeadTimes,
        @DefaultValue("14d") Duration checkInAfter,
        @DefaultValue("28d") Duration diaryEvery,
        @DefaultValue("3") int diaryRequests,
        @DefaultValue("56d") Duration nextCycleAfter,
        @DefaultValue("84d") Duration minimumInterval,
        @DefaultValue("21:00") LocalTime quietFrom,
        @DefaultValue("09:00") LocalTime quietUntil,
        @DefaultValue("clinic-alerts@migraine-clinic.test") String alertAddress,
        @DefaultValue("appointments@migraine-clinic.test") String fromAddress,
        @DefaultValue("http://localhost:8094") String publicBaseUrl,
        String linkSecret,
        @DefaultValue Links links,
        @DefaultValue("30d") Duration linkValidity,
        @DefaultValue("365d") Duration unsubscribeLinkValidity,
        @DefaultValue("+1 310 555 0100") String clinicPhone,
        @DefaultValue("4640 Admiralty Way, Marina del Rey, CA 90292") String clinicAddress,
        @DefaultValue("10") int deliveryAttempts,
        @DefaultValue("15s") Duration retryBackoff,
        @DefaultValue Sms sms,
        @DefaultValue OnCall onCall,
        @DefaultValue Dispatch dispatch) {

    /** The link secret of local runs and tests; refused under any other profile. */
    public static final String LOCAL_LINK_SECRET = "change-me-local-only-secret";

    /** The keys of patients' links by id (1 to 255), and the one that signs new links. */
    public record Links(@DefaultValue("1") int keyId, Map<Integer, String> keys) {
    }

    /**
     * Who hears of an urgent alert nobody acknowledged, and how often: by email to {@code email} (a list address)
     * and, when {@code phone} is set, by SMS, every {@code escalateEvery} up to {@code escalations} times.
     */
    public record OnCall(@DefaultValue("on-call@migraine-clinic.test") String email, String phone,
            @DefaultValue("15m") Duration escalateEvery, @DefaultValue("3") int escalations) {
    }

    /**
     * How due messages are sent: {@code senders} threads side by side, each over its own connection to the mail
     * server, each claiming up to {@code batchSize} due messages at once (a batch starts at one and doubles while
     * the backlog fills it); an idle sender looks every {@code poll}, and at once when a message is planned due
     * now. Each message is marked as handed just before it goes, so a kill -9 leaves at most one message per sender
     * in doubt (UNKNOWN for staff at the next start; urgent ones go again); claimed ones never handed are planned
     * again.
     */
    public record Dispatch(@DefaultValue("4") int senders, @DefaultValue("64") int batchSize,
            @DefaultValue("1s") Duration poll) {
    }

    /** The SMS signing key of local runs and tests; refused under any other profile. */
    public static final String LOCAL_SMS_AUTH_TOKEN = "local-sms-signing-key";

    /**
     * @param gateway {@code recording} keeps SMS in the database (local default); {@code http} posts them to a
     *     Twilio-style gateway
     * @param authToken the gateway account's auth token, which signs its webhook calls ({@code X-Twilio-Signature});
     *     required outside the local profile
     * @param webhookUrl the inbound webhook's address exactly as configured at the gateway, when the service runs
     *     behind a proxy (otherwise the address the request came to is what was signed)
     */
    public record Sms(@DefaultValue("recording") String gateway, String url, String username, String password,
            @DefaultValue("+13105550199") String from, @DefaultValue(LOCAL_SMS_AUTH_TOKEN) String authToken,
            String webhookUrl) {
    }
}
