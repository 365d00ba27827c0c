package dev.handoff.domain.event;

/** An event a provider reported, normalised by its adapter. */
public sealed interface ProviderEvent
    permits OperationUpdate, CallActionUpdate, CallLifecycleEvent, IncomingCall, UnrecognizedEvent {

  /**
   * @return what every event carries
   */
  EventMeta meta();
}
