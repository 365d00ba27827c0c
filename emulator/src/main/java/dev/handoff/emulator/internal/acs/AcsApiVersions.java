package dev.handoff.emulator.internal.acs;

import java.util.List;
import java.util.Set;

/**
 * The Call Automation api-versions the emulator serves: every stable version from 2023-03-06 to
 * 2026-03-12 and the previews published alongside them. Every version is validated against the
 * 2026-03-12 schema, a superset of the earlier ones for the operations emulated.
 */
public final class AcsApiVersions {

  /** The stable versions, oldest first. */
  public static final List<String> STABLE =
      List.of(
          "2023-03-06",
          "2023-10-15",
          "2024-04-15",
          "2024-09-15",
          "2025-05-15",
          "2025-06-15",
          "2026-03-12");

  /** The preview versions, oldest first. */
  public static final List<String> PREVIEW =
      List.of(
          "2022-04-07-preview",
          "2023-01-15-preview",
          "2023-06-15-preview",
          "2023-10-03-preview",
          "2024-01-22-preview",
          "2024-06-15-preview",
          "2024-09-01-preview",
          "2024-11-15-preview",
          "2025-03-30-preview",
          "2025-08-15-preview");

  /** The newest stable version. */
  public static final String LATEST = "2026-03-12";

  private static final Set<String> ALL =
      Set.copyOf(java.util.stream.Stream.concat(STABLE.stream(), PREVIEW.stream()).toList());

  private AcsApiVersions() {}

  /** Whether the emulator serves this api-version. */
  public static boolean isKnown(String version) {
    return ALL.contains(version);
  }
}
