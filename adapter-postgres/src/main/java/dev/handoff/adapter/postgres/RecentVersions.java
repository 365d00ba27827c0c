package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.OperationId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest version delivered locally of the operations changed most recently, so that the bus
 * does not load and deliver again a change this process already delivered (its own changes come
 * back as notifications). Bounded: the least recently touched operations are forgotten, which costs
 * at most a redundant delivery. Thread-safe.
 */
final class RecentVersions {
  private final Map<OperationId, Long> versions;

  RecentVersions(int capacity) {
    this.versions =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<OperationId, Long> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether a version at least this high was already delivered. */
  synchronized boolean delivered(OperationId id, long version) {
    Long known = versions.get(id);
    return known != null && known >= version;
  }

  /** Records a delivery; returns false when a version at least this high was delivered before. */
  synchronized boolean record(OperationId id, long version) {
    Long known = versions.get(id);
    if (known != null && known >= version) {
      return false;
    }
    versions.put(id, version);
    return true;
  }
}
