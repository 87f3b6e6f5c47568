package clinic.migraine.followup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a real SMTP server that breaks its first connection: when the client begins its
 * {@code cutAtMail}-th mail on it (the {@code MAIL FROM} command), both sides are closed before the command reaches
 * the server. Later connections are relayed whole.
 */
final class CuttingSmtpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final int cutAtMail;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    CuttingSmtpProxy(int serverPort, int cutAtMail) throws IOException {
        this.serverPort = serverPort;
        this.cutAtMail = cutAtMail;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections the client opened so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                synchronized (open) {
                    open.add(client);
                    open.add(server);
                }
                boolean cut = connections.incrementAndGet() == 1;
                start(() -> clientToServer(client, server, cut ? cutAtMail : Integer.MAX_VALUE));
                start(() -> copy(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "smtp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Line by line, so that the n-th MAIL FROM can be recognised and never passed on. */
    private static void clientToServer(Socket client, Socket server, int cutAtMail) {
        int mails = 0;
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                if (line.toString(StandardCharsets.US_ASCII).toUpperCase().startsWith("MAIL FROM") && ++mails == cutAtMail) {
                    client.close();
                    server.close();
                    return;
                }
                out.write(line.toByteArray());
                out.flush();
                line.reset();
            }
        } catch (IOException e) {
            // one side closed: the relay of this connection ends
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: the relay of this connection ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (open) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }
    }
}
