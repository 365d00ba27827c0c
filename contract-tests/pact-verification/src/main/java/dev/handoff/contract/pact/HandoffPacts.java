package dev.handoff.contract.pact;

/** The names of Handoff's contracts: consumers, providers, and where the pacts are bundled. */
public final class HandoffPacts {
  /** The ACS adapter, consumer of ACS Call Automation. */
  public static final String ACS_CONSUMER = "handoff-adapter-acs";

  /** ACS Call Automation, the provider the ACS adapter's pact is verified against. */
  public static final String ACS_PROVIDER = "acs-call-automation";

  /** The Graph adapter, consumer of Graph cloud communications. */
  public static final String GRAPH_CONSUMER = "handoff-adapter-graph";

  /** Microsoft Graph cloud communications (calls). */
  public static final String GRAPH_PROVIDER = "graph-calls";

  /** The representative client of the Handoff API: an IVR bot. */
  public static final String API_CONSUMER = "ivr-bot";

  /** The Handoff service's HTTP API. */
  public static final String API_PROVIDER = "handoff-api";

  /** The classpath folder of the bundled pacts: {@code <consumer>-<provider>.json} each. */
  public static final String RESOURCE_FOLDER = "dev/handoff/contract/pacts";

  private HandoffPacts() {}

  /**
   * @param consumer a consumer name
   * @param provider a provider name
   * @return the classpath resource of their pact
   */
  public static String resource(String consumer, String provider) {
    return RESOURCE_FOLDER + "/" + consumer + "-" + provider + ".json";
  }
}
