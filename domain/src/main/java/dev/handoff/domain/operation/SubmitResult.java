package dev.handoff.domain.operation;

import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Objects;
import java.util.Optional;

/** A provider's synchronous answer to a submitted command. */
public sealed interface SubmitResult
    permits SubmitResult.Accepted,
        SubmitResult.Completed,
        SubmitResult.Rejected,
        SubmitResult.Indeterminate {

  /**
   * @return what the provider said
   */
  ProviderEvidence evidence();

  /**
   * The provider accepted the request; events will tell the outcome.
   *
   * @param invitationId the invitation id, for an add
   * @param evidence what the provider said
   */
  record Accepted(Optional<String> invitationId, ProviderEvidence evidence)
      implements SubmitResult {
    /** Normalises absent parts. */
    public Accepted {
      invitationId = invitationId == null ? Optional.empty() : invitationId;
      evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    }
  }

  /**
   * The provider's answer is already the final success: no events follow (ACS redirect).
   *
   * @param evidence what the provider said
   */
  record Completed(ProviderEvidence evidence) implements SubmitResult {
    /** Normalises absent parts. */
    public Completed {
      evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    }
  }

  /**
   * The provider definitely did not carry out the request.
   *
   * @param failure why
   */
  record Rejected(Failure failure) implements SubmitResult {
    /** Validates the parts. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public ProviderEvidence evidence() {
      return failure.evidence();
    }
  }

  /**
   * It is not known whether the provider carried out the request (e.g. a timeout after it was sent
   * to a provider without repeatable requests). Events, if any come, will tell.
   *
   * @param failure what went wrong
   */
  record Indeterminate(Failure failure) implements SubmitResult {
    /** Validates the parts. */
    public Indeterminate {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public ProviderEvidence evidence() {
      return failure.evidence();
    }
  }
}
