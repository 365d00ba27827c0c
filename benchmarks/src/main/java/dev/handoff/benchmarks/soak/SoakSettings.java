package dev.handoff.benchmarks.soak;

import dev.handoff.benchmarks.load.Args;
import java.time.Duration;
import java.util.Objects;

/**
 * What one soak run does: how many transfers, on which provider and store, with which fault mix,
 * and the service's and emulator's timings (scaled together, so that a short run keeps the shape of
 * a long one: a long latency still outlasts an attempt, a deadline still outlasts every retry).
 *
 * @param provider {@code acs} or {@code graph}
 * @param store {@code memory} or {@code postgres} (an embedded PostgreSQL the harness starts)
 * @param instances how many service processes share the store (2 needs {@code postgres})
 * @param transfers how many transfers (or pairs, or transfers in flight at the kill)
 * @param concurrency how many transfers are submitted at once
 * @param providerFaults the share of provider requests faulted (each attempt independently)
 * @param callbackFaults the share of callbacks lost, duplicated or reordered
 * @param shortLatency the short latency fault
 * @param longLatency the long latency fault, longer than one attempt
 * @param attemptTimeout the service's timeout of one provider attempt
 * @param overallTimeout the service's deadline for all attempts of one request
 * @param transferDeadline how long a transfer has for a final word before reconciliation
 * @param recheckAfter how long reconciliation waits before asking the provider again
 * @param ringTime how long a transfer target rings
 * @param maxHold the longest the emulator leaves a request unanswered
 * @param seed the seed of every random choice
 */
public record SoakSettings(
    String provider,
    String store,
    int instances,
    int transfers,
    int concurrency,
    double providerFaults,
    double callbackFaults,
    Duration shortLatency,
    Duration longLatency,
    Duration attemptTimeout,
    Duration overallTimeout,
    Duration transferDeadline,
    Duration recheckAfter,
    Duration ringTime,
    Duration maxHold,
    long seed) {

  /** Validates the settings. */
  public SoakSettings {
    Objects.requireNonNull(provider, "provider");
    if (!provider.equals("acs") && !provider.equals("graph")) {
      throw new IllegalArgumentException("--provider: acs or graph, got '" + provider + "'");
    }
    if (!store.equals("memory") && !store.equals("postgres")) {
      throw new IllegalArgumentException("--store: memory or postgres, got '" + store + "'");
    }
    if (instances < 1 || instances > 2) {
      throw new IllegalArgumentException("--instances: 1 or 2, got " + instances);
    }
    if (instances > 1 && !store.equals("postgres")) {
      throw new IllegalArgumentException("--instances 2 needs --store postgres");
    }
    if (providerFaults < 0 || providerFaults >= 1 || callbackFaults < 0 || callbackFaults >= 1) {
      throw new IllegalArgumentException("fault shares must be at least 0 and below 1");
    }
    if (longLatency.compareTo(attemptTimeout) <= 0) {
      throw new IllegalArgumentException(
          "--long-latency must outlast --attempt-timeout, or it tests nothing");
    }
    if (transferDeadline.compareTo(overallTimeout.plus(longLatency)) <= 0) {
      // A request may still execute at the provider until its last attempt is answered: asking
      // the provider before then could read a state the request is about to change.
      throw new IllegalArgumentException(
          "--deadline must outlast --overall-timeout plus --long-latency");
    }
  }

  /**
   * @return the run of record: 1,000 ACS transfers, 20 % provider faults, 10 % callback faults, the
   *     service's production timings
   */
  public static SoakSettings recordRun() {
    return new SoakSettings(
        "acs",
        "memory",
        1,
        1_000,
        16,
        0.20,
        0.10,
        Duration.ofMillis(1_500),
        Duration.ofSeconds(12),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        13);
  }

  /**
   * @return the run CI makes: 100 transfers with the same fault shares, every timing scaled down
   *     about tenfold
   */
  public static SoakSettings ci() {
    return new SoakSettings(
        "acs",
        "memory",
        1,
        100,
        10,
        0.20,
        0.10,
        Duration.ofMillis(150),
        Duration.ofMillis(1_500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(4),
        Duration.ofSeconds(8),
        Duration.ofSeconds(2),
        Duration.ofMillis(100),
        Duration.ofSeconds(3),
        13);
  }

  /**
   * @param args the command line
   * @param base what is not given
   * @return the settings
   */
  public static SoakSettings from(Args args, SoakSettings base) {
    return new SoakSettings(
        args.get("provider").orElse(base.provider()),
        args.get("store").orElse(base.store()),
        args.integer("instances", base.instances(), 1),
        args.integer("transfers", base.transfers(), 1),
        args.integer("concurrency", base.concurrency(), 1),
        share(args, "provider-faults", base.providerFaults()),
        share(args, "callback-faults", base.callbackFaults()),
        duration(args, "short-latency", base.shortLatency()),
        duration(args, "long-latency", base.longLatency()),
        duration(args, "attempt-timeout", base.attemptTimeout()),
        duration(args, "overall-timeout", base.overallTimeout()),
        duration(args, "deadline", base.transferDeadline()),
        duration(args, "recheck-after", base.recheckAfter()),
        duration(args, "ring-time", base.ringTime()),
        duration(args, "max-hold", base.maxHold()),
        args.get("seed").map(Long::parseLong).orElse(base.seed()));
  }

  private static double share(Args args, String name, double fallback) {
    return args.get(name)
        .map(
            text -> {
              try {
                return Double.parseDouble(text);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    "--" + name + ": a share between 0 and 1, got '" + text + "'");
              }
            })
        .orElse(fallback);
  }

  private static Duration duration(Args args, String name, Duration fallback) {
    return args.get(name)
        .map(
            text -> {
              try {
                return Duration.parse(text);
              } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                    "--" + name + ": an ISO-8601 duration such as PT1.5S, got '" + text + "'");
              }
            })
        .orElse(fallback);
  }

  /**
   * @param instances how many service processes
   * @param store the store
   * @return these settings with those
   */
  public SoakSettings on(int instances, String store) {
    return new SoakSettings(
        provider,
        store,
        instances,
        transfers,
        concurrency,
        providerFaults,
        callbackFaults,
        shortLatency,
        longLatency,
        attemptTimeout,
        overallTimeout,
        transferDeadline,
        recheckAfter,
        ringTime,
        maxHold,
        seed);
  }

  /**
   * @param count transfers
   * @param faults provider and callback fault shares
   * @return these settings with that many transfers and those fault shares
   */
  public SoakSettings with(int count, double faults) {
    return new SoakSettings(
        provider,
        store,
        instances,
        count,
        concurrency,
        faults,
        faults,
        shortLatency,
        longLatency,
        attemptTimeout,
        overallTimeout,
        transferDeadline,
        recheckAfter,
        ringTime,
        maxHold,
        seed);
  }

  /**
   * @param ring how long targets ring
   * @return these settings with that ring time
   */
  public SoakSettings ringing(Duration ring) {
    return new SoakSettings(
        provider,
        store,
        instances,
        transfers,
        concurrency,
        providerFaults,
        callbackFaults,
        shortLatency,
        longLatency,
        attemptTimeout,
        overallTimeout,
        transferDeadline,
        recheckAfter,
        ring,
        maxHold,
        seed);
  }
}
