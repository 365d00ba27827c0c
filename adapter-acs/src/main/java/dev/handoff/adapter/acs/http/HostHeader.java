package dev.handoff.adapter.acs.http;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code Host} header {@code java.net.http} sends for a URI, which the HMAC signature must
 * cover exactly: the host as written in the URI, plus {@code :port} only when the URI names a port
 * that is not the scheme's default (JDK {@code Http1Request.hostString()}; requests are pinned to
 * HTTP/1.1 so that this is the header that goes out). The Azure SDK signs the host without a port;
 * for ACS endpoints, which never carry a port, both agree.
 */
public final class HostHeader {
  private HostHeader() {}

  /**
   * @param uri the request URI
   * @return the Host header value that will be sent
   */
  public static String of(URI uri) {
    String host = uri.getHost();
    int port = uri.getPort();
    boolean secure = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
    boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
    return defaultPort ? host : host + ":" + port;
  }
}
