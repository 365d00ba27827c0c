package example;

import com.sun.net.httpserver.HttpServer;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.GraphNotifications;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.client.HandoffClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/** Transfers a bot's Teams call to a Teams user and prints how it ended. */
public class GraphTransfer {
  /**
   * @param args tenant, app id, secret, emulator URL, OpenID configuration, call id, callback port
   * @throws Exception when the program cannot listen or the transfer does not end in time
   */
  public static void main(String[] args) throws Exception {
    var graph = GraphCallControl.builder().clientCredentials(args[0], args[1], args[2]);
    graph.authorityHost(URI.create(args[3])).baseUrl(URI.create(args[3])); // the emulator's
    var callbacks = GraphNotifications.forBot(args[1], URI.create(args[4]));
    var handoff = HandoffClient.of(graph.build(), callbacks);
    var server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[6])), 0);
    server.createContext(
        "/callbacks",
        exchange -> {
          var answer = handoff.answer(exchange.getRequestHeaders(), exchange.getRequestBody());
          exchange.sendResponseHeaders(answer.status(), -1);
          exchange.close();
        });
    server.start();
    var agent = TeamsUser.of("550fae72-d251-43ec-868c-373732c2704f").withTenantId(args[0]);
    var transfer = CallTransfer.builder(args[5], agent).operationContext("case-42").build();
    var outcome = handoff.awaitOutcome(handoff.transfer(transfer), Duration.ofSeconds(30));
    System.out.println(outcome.state() + outcome.failure().map(f -> ": " + f.message()).orElse(""));
    server.stop(1); // lets the last answer go out
  }
}
