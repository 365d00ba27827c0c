package dev.handoff.emulator.internal.http;

/** What the server does with a request: answer it, drop the connection, or leave it unanswered. */
public sealed interface Reply {

  /** Send a response. */
  record Send(Response response) implements Reply {}

  /** Close the connection without a response. */
  record Drop() implements Reply {}

  /** Keep the connection open without answering until the client gives up or the hold ends. */
  record Hold() implements Reply {}
}
