package dev.handoff.domain.provider;

import java.util.OptionalInt;

/**
 * The numeric limits and wire requirements of one provider, declared by its adapter beside its
 * capabilities. A command that breaks one is refused before anything is sent, naming the field and
 * the provider's rule ({@link ProviderCapabilities#check}). The model itself applies no provider's
 * limit: what one provider cannot carry may suit another.
 *
 * @param operationContextLength the longest operation context the provider carries with an
 *     invitation and echoes in its events (Graph's {@code clientContext}); commands that do not
 *     send it to the provider are not limited
 * @param invitationTimeoutSeconds the longest invitation timeout on add participant
 * @param sipHeaders the most custom SIP headers besides User-To-User
 * @param sipHeaderNameLength the longest custom SIP header name, prefix included
 * @param sipHeaderValueLength the longest custom SIP header value, and User-To-User value
 * @param voipHeaders the most VoIP headers
 * @param voipHeaderNameLength the longest VoIP header name
 * @param voipHeaderValueLength the longest VoIP header value
 * @param callTopicLength the longest Teams phone call topic
 * @param additionalCallerInformation the most additional caller information entries the provider
 *     reads; it would ignore the rest, so more are refused rather than silently lost
 * @param phoneInvitationNeedsSourceCallerId whether inviting a phone number requires a source
 *     caller id
 */
public record ProviderLimits(
    OptionalInt operationContextLength,
    OptionalInt invitationTimeoutSeconds,
    OptionalInt sipHeaders,
    OptionalInt sipHeaderNameLength,
    OptionalInt sipHeaderValueLength,
    OptionalInt voipHeaders,
    OptionalInt voipHeaderNameLength,
    OptionalInt voipHeaderValueLength,
    OptionalInt callTopicLength,
    OptionalInt additionalCallerInformation,
    boolean phoneInvitationNeedsSourceCallerId) {

  /** No limit and no requirement. */
  public static final ProviderLimits NONE = builder().build();

  /** Checks that every limit, when set, is positive. */
  public ProviderLimits {
    operationContextLength = positive("operationContextLength", operationContextLength);
    invitationTimeoutSeconds = positive("invitationTimeoutSeconds", invitationTimeoutSeconds);
    sipHeaders = positive("sipHeaders", sipHeaders);
    sipHeaderNameLength = positive("sipHeaderNameLength", sipHeaderNameLength);
    sipHeaderValueLength = positive("sipHeaderValueLength", sipHeaderValueLength);
    voipHeaders = positive("voipHeaders", voipHeaders);
    voipHeaderNameLength = positive("voipHeaderNameLength", voipHeaderNameLength);
    voipHeaderValueLength = positive("voipHeaderValueLength", voipHeaderValueLength);
    callTopicLength = positive("callTopicLength", callTopicLength);
    additionalCallerInformation =
        positive("additionalCallerInformation", additionalCallerInformation);
  }

  private static OptionalInt positive(String name, OptionalInt value) {
    OptionalInt limit = value == null ? OptionalInt.empty() : value;
    if (limit.isPresent() && limit.getAsInt() < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + limit.getAsInt());
    }
    return limit;
  }

  /**
   * @return a builder that starts with no limit
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProviderLimits}. */
  public static final class Builder {
    private OptionalInt operationContextLength = OptionalInt.empty();
    private OptionalInt invitationTimeoutSeconds = OptionalInt.empty();
    private OptionalInt sipHeaders = OptionalInt.empty();
    private OptionalInt sipHeaderNameLength = OptionalInt.empty();
    private OptionalInt sipHeaderValueLength = OptionalInt.empty();
    private OptionalInt voipHeaders = OptionalInt.empty();
    private OptionalInt voipHeaderNameLength = OptionalInt.empty();
    private OptionalInt voipHeaderValueLength = OptionalInt.empty();
    private OptionalInt callTopicLength = OptionalInt.empty();
    private OptionalInt additionalCallerInformation = OptionalInt.empty();
    private boolean phoneInvitationNeedsSourceCallerId;

    private Builder() {}

    /**
     * @param value the longest operation context
     * @return this builder
     */
    public Builder operationContextLength(int value) {
      operationContextLength = OptionalInt.of(value);
      return this;
    }

    /**
     * @param value the longest invitation timeout, in seconds
     * @return this builder
     */
    public Builder invitationTimeoutSeconds(int value) {
      invitationTimeoutSeconds = OptionalInt.of(value);
      return this;
    }

    /**
     * @param count the most custom SIP headers besides User-To-User
     * @param nameLength the longest name, prefix included
     * @param valueLength the longest value (User-To-User included)
     * @return this builder
     */
    public Builder sipHeaders(int count, int nameLength, int valueLength) {
      sipHeaders = OptionalInt.of(count);
      sipHeaderNameLength = OptionalInt.of(nameLength);
      sipHeaderValueLength = OptionalInt.of(valueLength);
      return this;
    }

    /**
     * @param count the most VoIP headers
     * @param nameLength the longest name
     * @param valueLength the longest value
     * @return this builder
     */
    public Builder voipHeaders(int count, int nameLength, int valueLength) {
      voipHeaders = OptionalInt.of(count);
      voipHeaderNameLength = OptionalInt.of(nameLength);
      voipHeaderValueLength = OptionalInt.of(valueLength);
      return this;
    }

    /**
     * @param value the longest Teams phone call topic
     * @return this builder
     */
    public Builder callTopicLength(int value) {
      callTopicLength = OptionalInt.of(value);
      return this;
    }

    /**
     * @param value the most additional caller information entries the provider reads
     * @return this builder
     */
    public Builder additionalCallerInformation(int value) {
      additionalCallerInformation = OptionalInt.of(value);
      return this;
    }

    /**
     * Declares that inviting a phone number requires a source caller id.
     *
     * @return this builder
     */
    public Builder phoneInvitationNeedsSourceCallerId() {
      phoneInvitationNeedsSourceCallerId = true;
      return this;
    }

    /**
     * @return the limits
     */
    public ProviderLimits build() {
      return new ProviderLimits(
          operationContextLength,
          invitationTimeoutSeconds,
          sipHeaders,
          sipHeaderNameLength,
          sipHeaderValueLength,
          voipHeaders,
          voipHeaderNameLength,
          voipHeaderValueLength,
          callTopicLength,
          additionalCallerInformation,
          phoneInvitationNeedsSourceCallerId);
    }
  }
}
