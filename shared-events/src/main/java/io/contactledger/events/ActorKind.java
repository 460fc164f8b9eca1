package io.contactledger.events;

/** Who made a change. */
public enum ActorKind {
    VISITOR, AGENT, INTEGRATION, SYSTEM
}
