package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs the service with Microsoft Graph as its provider, against an emulator. */
public class GraphProviderProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(GraphEmulatorResource.class));
  }
}
