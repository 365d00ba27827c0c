package dev.handoff.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.StoreFullException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Each typed failure of the ports is answered by its own problem; nothing else is taken for it. */
class ProblemMappersTest {
  private final ProblemMappers mappers = new ProblemMappers();

  @Test
  void aFullStoreIsAnswered503StoreFullWithRetryAfter() throws Exception {
    Response answer = mappers.storeFull(new StoreFullException("operation", 2), uri("", null));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("30");
    ProblemJson problem = problemOf(answer);
    assertThat(problem.type()).isEqualTo("urn:handoff:problem:store-full");
    assertThat(problem.detail()).contains("(2)").doesNotContain("Exception");
  }

  @Test
  void aForeignCursorIsAnswered400InvalidCursorNamingTheParameter() throws Exception {
    Response answer =
        mappers.invalidCursor(
            new InvalidCursorException("unknown cursor form", null), uri("/v1/operations", "abc"));

    assertThat(answer.getStatus()).isEqualTo(400);
    ProblemJson problem = problemOf(answer);
    assertThat(problem.type()).isEqualTo("urn:handoff:problem:invalid-cursor");
    assertThat(problem.instance()).isEqualTo("/v1/operations");
    assertThat(problem.violations())
        .containsExactly(
            new ProblemJson.ViolationJson("cursor", "is not a cursor this service issued", "abc"));
  }

  @Test
  void aGivenUpCompareAndSetIsAnswered503ConcurrentUpdateWithRetryAfter() throws Exception {
    Response answer =
        mappers.concurrentUpdate(
            new ConcurrentUpdateException("operation op-1", 64), uri("/v1/transfers", null));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    ProblemJson problem = problemOf(answer);
    assertThat(problem.type()).isEqualTo("urn:handoff:problem:concurrent-update");
  }

  @Test
  void anUntypedIllegalStateIsAnUnexpected500WithoutItsMessage() throws Exception {
    Response answer =
        mappers.unexpected(new IllegalStateException("internal detail"), uri("/v1/x", null));

    assertThat(answer.getStatus()).isEqualTo(500);
    ProblemJson problem = problemOf(answer);
    assertThat(problem.type()).isEqualTo("urn:handoff:problem:internal-error");
    assertThat(String.valueOf(problem.detail())).doesNotContain("internal detail");
  }

  @Test
  void noMapperTakesUntypedIllegalStateOrArgumentExceptions() {
    assertThat(ProblemMappers.class.getDeclaredMethods())
        .filteredOn(
            m ->
                m.isAnnotationPresent(
                    org.jboss.resteasy.reactive.server.ServerExceptionMapper.class))
        .allSatisfy(
            m ->
                assertThat(m.getParameterTypes())
                    .doesNotContain(IllegalStateException.class, IllegalArgumentException.class));
  }

  private static ProblemJson problemOf(Response answer) throws Exception {
    assertThat(answer.getMediaType()).hasToString(ProblemJson.MEDIA_TYPE);
    return new ObjectMapper().readValue((String) answer.getEntity(), ProblemJson.class);
  }

  private static UriInfo uri(String path, String cursor) {
    MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
    if (cursor != null) {
      query.add("cursor", cursor);
    }
    return (UriInfo)
        Proxy.newProxyInstance(
            UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getPath":
                  return path;
                case "getQueryParameters":
                  return query;
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
