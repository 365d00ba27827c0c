package dev.handoff.domain.action;

/**
 * One provider request a warm handoff is made of. Each step of a handoff sends exactly one, with a
 * submission token of its own.
 */
public enum CallAction {
  /** Look up the call's participants to find the transferee. */
  FIND_TRANSFEREE("findTransferee", "looking up the call's participants"),
  /** Put a participant on hold, with hold audio. */
  HOLD("hold", "holding a participant"),
  /** Take a participant off hold. */
  RESUME("resume", "taking a participant off hold"),
  /** Invite a participant into the call. */
  ADD_PARTICIPANT("addParticipant", "adding a participant"),
  /** Withdraw an invitation. */
  CANCEL_ADD_PARTICIPANT("cancelAddParticipant", "cancelling an invitation"),
  /** Remove a participant from the call. */
  REMOVE_PARTICIPANT("removeParticipant", "removing a participant"),
  /** Place a new call (a consultation call to the agent). */
  PLACE_CALL("placeCall", "placing a consultation call"),
  /** Play a prompt. */
  PLAY("play", "playing a prompt"),
  /** Transfer the call. */
  TRANSFER("transfer", "transferring the call"),
  /** Hang up the application's leg of a call. */
  HANG_UP("hangUp", "hanging up"),
  ;

  private final String wireName;
  private final String description;

  CallAction(String wireName, String description) {
    this.wireName = wireName;
    this.description = description;
  }

  /**
   * @return the name in Handoff's JSON, e.g. {@code addParticipant}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * @return what it does, for people
   */
  public String description() {
    return description;
  }

  /**
   * @param name a name as {@link #wireName()} gives it
   * @return the action
   * @throws IllegalArgumentException for an unknown name
   */
  public static CallAction fromWireName(String name) {
    for (CallAction action : values()) {
      if (action.wireName.equals(name)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown call action '" + name + "'");
  }
}
