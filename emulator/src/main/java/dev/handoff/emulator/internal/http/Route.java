package dev.handoff.emulator.internal.http;

import dev.handoff.emulator.fault.FaultAction;
import java.util.function.Function;

/**
 * A request matched to an emulated operation.
 *
 * @param operation the operation name faults and the journal use, e.g. {@code acs.transfer}
 * @param handler executes the request
 * @param faultResponse renders an injected HTTP error in the provider's error shape
 */
public record Route(
    String operation,
    Function<Request, Response> handler,
    Function<FaultAction.Error, Response> faultResponse) {}
