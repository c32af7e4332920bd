package org.supportdesk.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL that passes bytes, holds them (a blackhole: a partition in which
 * nothing answers and nothing is refused) or resets every connection with an RST, open or new. When a blackhole ends,
 * what it held flows on, as over a healed network. Used by DatabaseFaultsTest; no toxiproxy server is available here.
 */
final class FaultInjectingProxy implements AutoCloseable {
    enum Mode {
        PASS,
        BLACKHOLE,
        RESET
    }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-injecting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Object gate = new Object();
    private Mode mode = Mode.PASS; // guarded by gate

    private FaultInjectingProxy(ServerSocket listener, int upstreamPort) {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
    }

    /** A proxy on a free port of 127.0.0.1 to {@code upstreamPort} there, passing bytes until told otherwise. */
    static FaultInjectingProxy to(int upstreamPort) throws IOException {
        FaultInjectingProxy proxy =
                new FaultInjectingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort);
        proxy.threads.submit(proxy::acceptLoop);
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    void pass() {
        switchTo(Mode.PASS);
    }

    void blackhole() {
        switchTo(Mode.BLACKHOLE);
    }

    /** Resets every open connection, and every new one until {@link #pass()}. */
    void reset() {
        switchTo(Mode.RESET);
        sockets.forEach(this::abort);
    }

    private void switchTo(Mode next) {
        synchronized (gate) {
            mode = next;
            gate.notifyAll();
        }
    }

    /** Waits while the proxy is a blackhole; answers whether bytes may flow (false: reset). */
    private boolean awaitFlow() throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.BLACKHOLE) {
                gate.wait();
            }
            return mode == Mode.PASS;
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                threads.submit(() -> link(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void link(Socket client) {
        try {
            if (!awaitFlow()) {
                abort(client);
                return;
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.add(upstream);
            threads.submit(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException | InterruptedException e) {
            abort(client); // upstream unreachable, or the proxy is closing
        }
    }

    /** Copies {@code from} to {@code to}, holding bytes during a blackhole; closes both when either side ends. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!awaitFlow()) {
                    break;
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | InterruptedException ended) {
            // one side went away (or was reset): the other goes too
        } finally {
            close(from);
            close(to);
        }
    }

    /** Closes with an RST rather than a FIN: the peer sees "connection reset". */
    private void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // nothing to reset
        }
        close(socket);
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(this::abort);
        threads.shutdownNow();
    }
}
