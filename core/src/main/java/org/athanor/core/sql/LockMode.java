package org.athanor.core.sql;

/** Row locking for SELECT: FOR UPDATE / FOR SHARE, optionally NOWAIT or SKIP LOCKED. */
public record LockMode(Strength strength, Wait waitMode) {
    public enum Strength { UPDATE, SHARE }
    public enum Wait { WAIT, NOWAIT, SKIP_LOCKED }
}
