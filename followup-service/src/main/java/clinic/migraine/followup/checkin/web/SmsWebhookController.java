package clinic.migraine.followup.checkin.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import clinic.migraine.followup.FollowupProperties;
import clinic.migraine.followup.checkin.application.OptOuts;
import clinic.migraine.kit.audit.AuditTrail;
import clinic.migraine.kit.phone.PhoneNumbers;
import clinic.migraine.kit.web.DomainProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's inbound webhook (Twilio-style form): STOP and its synonyms opt out, START opts back in, HELP
 * answers. The sender is read as a phone number into E.164 before it is matched with patients' numbers. Only the gateway may call it: a request without the gateway's signature changes nothing, is audited
 * and answered 403, so no web page can re-subscribe a patient who texted STOP or silence their check-ins.
 */
@RestController
class SmsWebhookController {

    /** The audit trail's subject for refused webhook calls ({@code GET /api/audit?subject=} this id). */
    static final UUID WEBHOOK = UUID.nameUUIDFromBytes("sms-inbound-webhook".getBytes(StandardCharsets.UTF_8));

    private final OptOuts optOuts;
    private final AuditTrail audit;
    private final GatewaySignature signature;
    private final String webhookUrl;
    private final PhoneNumbers phones;

    SmsWebhookController(OptOuts optOuts, AuditTrail audit, FollowupProperties properties, PhoneNumbers phones) {
        this.optOuts = optOuts;
        this.phones = phones;
        this.audit = audit;
        this.signature = new GatewaySignature(properties.sms().authToken());
        this.webhookUrl = properties.sms().webhookUrl();
    }

    @PostMapping(path = "/api/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    public String inbound(@RequestHeader(name = "X-Twilio-Signature", required = false) String signed,
            @RequestParam("From") String from, @RequestParam("Body") String body, HttpServletRequest request) {
        if (!signature.matches(signed, url(request), request.getParameterMap())) {
            refuse(signed == null ? "no signature" : "wrong signature", request);
        }
        // stored numbers are E.164; a sender that is no number matches nobody and changes nothing
        return phones.e164(from).map(sender -> optOuts.recordTextReply(sender, body))
                .orElseGet(() -> optOuts.replyToUnknownSender(body));
    }

    /**
     * The URL the gateway signed: the configured webhook address when the service runs behind a proxy, otherwise
     * the address this request came to.
     */
    private String url(HttpServletRequest request) {
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            return webhookUrl;
        }
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private void refuse(String why, HttpServletRequest request) {
        // the caller's address and the reason; never the numbers or the text of the message (written at once, not
        // in a transaction the refusal rolls back)
        audit.recordBy("anonymous", "sms webhook refused", "sms-webhook", WEBHOOK, null,
                why + " from " + request.getRemoteAddr());
        throw new DomainProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "The request does not carry the SMS gateway's signature", List.of());
    }
}
