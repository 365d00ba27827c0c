package dev.handoff.adapter.graph.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket-level HTTP/1.1 server on 127.0.0.1 for the failures a real server cannot be told to
 * produce: it reads each request completely, counts it, then either never answers or answers
 * partially and closes the connection.
 */
public final class RawServer implements AutoCloseable {

  /** What to do after reading a request. */
  public enum Behaviour {
    /** Keep the connection open and never answer. */
    SILENT,
    /** Send the status line and headers promising a body, part of it, then close. */
    CUT_MID_RESPONSE,
    /** Send the status line and headers promising a body, part of it, then nothing more. */
    STALL_MID_BODY
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  private RawServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.acceptor = new Thread(this::acceptLoop, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * @param behaviour what to do after reading a request
   * @return a started server
   */
  public static RawServer start(Behaviour behaviour) {
    try {
      return new RawServer(behaviour);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the base URL
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /**
   * @return how many complete requests were read
   */
  public int requestCount() {
    return requests.get();
  }

  /**
   * @return the bodies read
   */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        open.add(client);
        Thread worker = new Thread(() -> serve(client), "raw-server-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException closedSocket) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = contentLength(head);
        bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        requests.incrementAndGet();
        if (behaviour == Behaviour.SILENT) {
          closed.await();
          return;
        }
        OutputStream out = client.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (behaviour == Behaviour.STALL_MID_BODY) {
          closed.await();
        }
        client.close();
        return;
      }
    } catch (IOException | InterruptedException ended) {
      // The connection or the server is closing.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
      for (Socket s : open) {
        s.close();
      }
    } catch (IOException ignored) {
      // Closing what may already be closed.
    }
  }
}
