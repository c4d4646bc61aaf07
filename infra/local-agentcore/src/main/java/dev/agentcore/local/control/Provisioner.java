package dev.agentcore.local.control;

import java.util.Optional;

import dev.agentcore.core.runtime.RuntimeId;

/**
 * What turns a CREATING or UPDATING version READY or failed: called once per new version, after the configured
 * delay, off the request thread. The local runner plugs in here (pull the image, check its architecture); until
 * then {@link #ACCEPT_ALL} makes every version READY.
 */
public interface Provisioner {

    /** Every version becomes READY. */
    Provisioner ACCEPT_ALL = (runtime, version) -> Optional.empty();

    /**
     * Prepares {@code version} of {@code runtime}; returns why it cannot run (the version becomes CREATE_FAILED or
     * UPDATE_FAILED with that {@code failureReason}), or empty when it can (READY).
     */
    Optional<String> provision(RuntimeId runtime, RuntimeVersion version);

    /** Called once a runtime is gone (its deletion finished): stop what runs for it. */
    default void retire(RuntimeId runtime) {
    }
}
