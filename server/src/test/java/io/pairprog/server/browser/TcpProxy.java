package io.pairprog.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the browser and the server that a test can break the way networks break: {@link #cut()}
 * drops every connection and refuses new ones (the server looks down), {@link #muteDownstream()} keeps
 * carrying the browser's bytes to the server but swallows the answers (an edit is stored, its ack is lost),
 * {@link #restore()} heals it.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean muted;

    TcpProxy(int targetPort) {
        try {
            this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address browsers use instead of the server's. */
    URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    void cut() {
        down = true;
        muted = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** From now on bytes from the server are read and thrown away; the browser's still arrive. */
    void muteDownstream() {
        muted = true;
    }

    void restore() {
        muted = false;
        down = false;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!(downstream && muted)) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, downstream ? "proxy-down" : "proxy-up");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
