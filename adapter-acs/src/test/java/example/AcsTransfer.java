package example;

import com.sun.net.httpserver.HttpServer;
import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.AcsCallbacks;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.client.HandoffClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/** Transfers an ACS call to a phone number, with calling context, and prints how it ended. */
public class AcsTransfer {
  /**
   * @param args connection string, resource id, OpenID configuration, call id, callback port
   * @throws Exception when the program cannot listen or the transfer does not end in time
   */
  public static void main(String[] args) throws Exception {
    var acs = AcsCallControl.builder().connectionString(args[0]).build();
    var handoff = HandoffClient.of(acs, AcsCallbacks.forResource(args[1], URI.create(args[2])));
    var server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[4])), 0);
    server.createContext(
        "/callbacks",
        exchange -> {
          var answer = handoff.answer(exchange.getRequestHeaders(), exchange.getRequestBody());
          exchange.sendResponseHeaders(answer.status(), -1);
          exchange.close();
        });
    server.start();
    var sip = CallingContext.builder().userToUser("a1b2").msCustomSipHeader("case", "42").build();
    var transfer =
        CallTransfer.builder(args[3], PhoneNumber.of("+14255550123")).callingContext(sip).build();
    var outcome = handoff.awaitOutcome(handoff.transfer(transfer), Duration.ofSeconds(30));
    System.out.println(outcome.state() + outcome.failure().map(f -> ": " + f.message()).orElse(""));
    server.stop(1); // lets the last answer go out
  }
}
