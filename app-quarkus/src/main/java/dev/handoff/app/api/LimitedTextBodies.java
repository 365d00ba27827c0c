package dev.handoff.app.api;

import dev.handoff.app.config.HandoffConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads every request body the resources take (each takes it as text) and refuses one longer than
 * {@code handoff.api.max-body-size} with a 413 problem as soon as it passes the limit. A body with
 * a Content-Length is refused before it is read (see {@link HttpProblems}); this catches one sent
 * chunked. The HTTP server's own limit ({@code quarkus.http.limits.max-body-size}) stays above it
 * as a last resort.
 *
 * <p>A body reader rather than a reader interceptor: with any reader interceptor registered, the
 * REST layer re-reads the resource method's parameter annotations by reflection for every body.
 */
@Provider
@Consumes(MediaType.WILDCARD)
@Priority(Priorities.USER - 100)
public class LimitedTextBodies implements ServerMessageBodyReader<String> {
  private static final int CHUNK = 8192;

  // Providers are built before the configuration is: it is read at the first request, and kept
  // (getting the configuration through the Instance builds a new mapping object every time).
  private final Instance<HandoffConfig> config;
  private volatile long maxBody = -1;

  @Inject
  LimitedTextBodies(Instance<HandoffConfig> config) {
    this.config = config;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, ResteasyReactiveResourceInfo method, MediaType mediaType) {
    return type == String.class;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == String.class;
  }

  @Override
  public String readFrom(
      Class<String> type, Type genericType, MediaType mediaType, ServerRequestContext context)
      throws IOException {
    return read(context.getInputStream(), mediaType);
  }

  @Override
  public String readFrom(
      Class<String> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return read(entityStream, mediaType);
  }

  private String read(InputStream in, MediaType mediaType) throws IOException {
    long limit = limit();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      if (body.size() + (long) n > limit) {
        throw new WebApplicationException(413);
      }
      body.write(chunk, 0, n);
    }
    return body.toString(charset(mediaType));
  }

  private long limit() {
    long limit = maxBody;
    if (limit < 0) {
      limit = config.get().api().maxBodySize().asLongValue();
      maxBody = limit;
    }
    return limit;
  }

  /** The charset the media type names, else UTF-8 (JSON's, and what the resources expect). */
  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      throw new WebApplicationException(415);
    }
  }
}
