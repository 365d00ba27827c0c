package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code CustomCallingContext}: context sent to the target of a transfer or an add, and received as
 * {@code customContext} of an incoming call.
 *
 * @param voipHeaders VoIP headers by name
 * @param sipHeaders SIP headers by full name ({@code User-To-User}, {@code X-MS-Custom-...}, {@code
 *     X-...})
 * @param teamsPhoneCallDetails details shown to a Teams Phone agent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomCallingContext(
    @JsonProperty("voipHeaders") Map<String, String> voipHeaders,
    @JsonProperty("sipHeaders") Map<String, String> sipHeaders,
    @JsonProperty("teamsPhoneCallDetails") TeamsPhoneCallDetails teamsPhoneCallDetails) {}
