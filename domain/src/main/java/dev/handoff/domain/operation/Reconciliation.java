package dev.handoff.domain.operation;

import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Objects;

/**
 * A provider-neutral verdict on an operation whose final word did not come: what the provider's own
 * state (asked actively) and the call's events already recorded say about how it ended. Every
 * verdict says what it rests on ({@link #basis()}), for the operation's timeline.
 */
public sealed interface Reconciliation
    permits Reconciliation.Completed,
        Reconciliation.Failed,
        Reconciliation.UnderWay,
        Reconciliation.Undetermined {

  /**
   * @return how the verdict was reached, for people: which state or event it rests on
   */
  String basis();

  /**
   * @return what the provider said
   */
  ProviderEvidence evidence();

  /**
   * The operation succeeded.
   *
   * @param basis how that is known
   * @param evidence what the provider said
   */
  record Completed(String basis, ProviderEvidence evidence) implements Reconciliation {
    /** Validates the parts. */
    public Completed {
      Objects.requireNonNull(basis, "basis");
      evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    }
  }

  /**
   * The operation did not take effect.
   *
   * @param failure why, with the provider's evidence
   * @param basis how that is known
   */
  record Failed(Failure failure, String basis) implements Reconciliation {
    /** Validates the parts. */
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(basis, "basis");
    }

    @Override
    public ProviderEvidence evidence() {
      return failure.evidence();
    }
  }

  /**
   * The provider reports the operation still under way (e.g. the call is transferring).
   *
   * @param basis how that is known
   * @param evidence what the provider said
   */
  record UnderWay(String basis, ProviderEvidence evidence) implements Reconciliation {
    /** Validates the parts. */
    public UnderWay {
      Objects.requireNonNull(basis, "basis");
      evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    }
  }

  /**
   * The provider's truth cannot be had: it cannot be asked, could not be reached, or what it says
   * does not tell the outcome (the call is gone without a reason recorded).
   *
   * @param basis why the outcome cannot be told
   * @param evidence what the provider said, if anything
   * @param askAgain whether asking again later may tell (the provider could not be reached); false
   *     when the answer will not change
   */
  record Undetermined(String basis, ProviderEvidence evidence, boolean askAgain)
      implements Reconciliation {
    /** Validates the parts. */
    public Undetermined {
      Objects.requireNonNull(basis, "basis");
      evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    }
  }
}
