package dev.agentcore.localoauth.pool;

/** What checking a username and password against a pool's users gives. */
public sealed interface SignIn {

    record SignedIn(PoolUser user) implements SignIn {
    }

    /**
     * @param message what the sign-in page shows, in managed login's words ("Incorrect username or password.")
     * @param reason  why, for the server's log only
     */
    record Refused(String message, String reason) implements SignIn {

        /** Managed login says the same for an unknown user and a wrong password, so as not to tell which. */
        public static Refused incorrect(String reason) {
            return new Refused("Incorrect username or password.", reason);
        }
    }
}
