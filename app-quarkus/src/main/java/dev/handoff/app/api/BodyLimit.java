package dev.handoff.app.api;

import dev.handoff.app.config.HandoffConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Measures every request body as it is read, so that one sent without a Content-Length (chunked) is
 * refused with a 413 problem as soon as it passes {@code handoff.api.max-body-size}. The HTTP
 * server's own limit ({@code quarkus.http.limits.max-body-size}) stays above it as a last resort.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {
  // Providers are built before the configuration is: it is read at the first request, and kept
  // (getting the configuration through the Instance builds a new mapping object every time).
  private final Instance<HandoffConfig> config;
  private volatile long maxBody = -1;

  @Inject
  BodyLimit(Instance<HandoffConfig> config) {
    this.config = config;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    long limit = maxBody;
    if (limit < 0) {
      limit = config.get().api().maxBodySize().asLongValue();
      maxBody = limit;
    }
    context.setInputStream(new Limited(context.getInputStream(), limit));
    return context.proceed();
  }

  /** Counts what is read and refuses past the limit. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new WebApplicationException(413);
      }
    }
  }
}
