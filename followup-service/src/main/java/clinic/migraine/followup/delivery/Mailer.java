package clinic.migraine.followup.delivery;

import clinic.migraine.calendar.IcsFile;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends multipart mail (plain text and HTML, optionally an iCalendar invitation) through SMTP, one at a time or
 * many over one connection.
 */
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
        MimeMessage message = build(to, subject, text, html, ics, unsubscribeUrl);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryException("mail server refused or unreachable", true, e);
        }
    }

    /**
     * One connection to the mail server for many mails: opened at the first, kept for the next ones, closed with
     * {@link Connection#close()}. A mail that fails closes it; the next mail opens a new one.
     */
    public Connection connection() {
        return sender instanceof JavaMailSenderImpl smtp ? new Connection(smtp) : new Connection(null);
    }

    /** Mails over one SMTP session (a sender other than Spring's own sends each on its own). */
    public final class Connection implements AutoCloseable {

        private final JavaMailSenderImpl smtp;
        private Transport transport;

        private Connection(JavaMailSenderImpl smtp) {
            this.smtp = smtp;
        }

        /** As {@link Mailer#send}. */
        public void send(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl) {
            if (smtp == null) {
                Mailer.this.send(to, subject, text, html, ics, unsubscribeUrl);
                return;
            }
            MimeMessage message = build(to, subject, text, html, ics, unsubscribeUrl);
            try {
                if (transport == null) {
                    transport = connect();
                }
                message.setSentDate(new Date());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close();
                throw new DeliveryException("mail server refused or unreachable", true, e);
            }
        }

        private Transport connect() throws MessagingException {
            Transport opened = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
            String username = smtp.getUsername();
            opened.connect(smtp.getHost(), smtp.getPort(), username, username == null ? null : smtp.getPassword());
            return opened;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException e) {
                    // the connection is given up either way
                }
                transport = null;
            }
        }
    }

    private MimeMessage build(String to, String subject, String text, String html, IcsFile ics, String unsubscribeUrl) {
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
            return message;
        } catch (MessagingException e) {
            throw new DeliveryException("mail could not be built", false, e);
        }
    }
}
