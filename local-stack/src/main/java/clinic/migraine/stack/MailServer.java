package clinic.migraine.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server (GreenMail) accepting any login: mail sent to an address is read over IMAP by
 * logging in as that address with any password.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private SmtpServer resumedSmtp;

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Fault injection: the SMTP port stops answering; mail already received stays readable. */
    public synchronized void pause() {
        smtp().stopService();
    }

    /** SMTP answers again on the same port, delivering into the same mailboxes. */
    public synchronized void resume() {
        resumedSmtp = new SmtpServer(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                greenMail.getManagers());
        resumedSmtp.startService();
        try {
            if (!resumedSmtp.waitTillRunning(10_000)) {
                throw new IllegalStateException("SMTP did not come back on port " + smtpPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting SMTP", e);
        }
    }

    private SmtpServer smtp() {
        return resumedSmtp != null ? resumedSmtp : greenMail.getSmtp();
    }

    @Override
    public synchronized void close() {
        if (resumedSmtp != null) {
            resumedSmtp.stopService();
        }
        greenMail.stop();
    }
}
