package clinic.migraine.followup.delivery;

import clinic.migraine.calendar.IcsFile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends multipart mail (plain text and HTML, optionally an iCalendar invitation) through SMTP. */
public class Mailer {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every multipart, body part and
        // encoded header (jakartaee/mail-api#861), which scans every jar: most of the CPU a reminder cost. Naming
        // the implementation turns each look-up into a loaded-class look-up.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final String from;

    public Mailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /** @param ics null for no invitation */
    public void send(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            if (ics != null) {
                helper.addAttachment("appointment.ics",
                        new ByteArrayResource(ics.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        ics.contentType());
            }
            if (unsubscribeUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            }
            sender.send(message);
        } catch (MessagingException e) {
            throw new DeliveryException("mail could not be built", false, e);
        } catch (MailException e) {
            throw new DeliveryException("mail server refused or unreachable", true, e);
        }
    }
}
