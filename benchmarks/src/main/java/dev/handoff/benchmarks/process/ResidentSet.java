package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's resident set size, read from Linux's {@code /proc}. */
public final class ResidentSet {
  private ResidentSet() {}

  /**
   * @param pid a process id
   * @return its {@code VmRSS} in bytes; empty when {@code /proc/<pid>/status} cannot be read
   */
  public static OptionalLong ofProcess(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      return parseStatus(Files.readString(status));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * @param status the text of {@code /proc/<pid>/status}
   * @return the {@code VmRSS} line's value in bytes; empty when there is none
   * @throws IllegalArgumentException when the line is not {@code VmRSS: <n> kB}
   */
  public static OptionalLong parseStatus(String status) {
    for (String line : status.split("\n")) {
      if (!line.startsWith("VmRSS:")) {
        continue;
      }
      String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
      if (parts.length != 2 || !parts[1].equals("kB")) {
        throw new IllegalArgumentException("VmRSS: expected '<n> kB', got '" + line + "'");
      }
      return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
    }
    return OptionalLong.empty();
  }
}
