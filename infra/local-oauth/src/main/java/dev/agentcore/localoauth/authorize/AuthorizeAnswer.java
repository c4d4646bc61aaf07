package dev.agentcore.localoauth.authorize;

import dev.agentcore.localoauth.pool.AppClient;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What the authorize endpoint and the sign-in page answer; the HTTP layer turns each into a response. */
public sealed interface AuthorizeAnswer {

    /**
     * The request cannot be sent back to the app (no valid client, or a redirect_uri that is not a callback URL):
     * Cognito redirects to its own {@code /error} page, {@code /error?error=redirect_mismatch&client_id=...}, which
     * answers 400.
     *
     * @param reason for the server's log
     */
    record ErrorPage(String error, Optional<String> clientId, String reason) implements AuthorizeAnswer {
    }

    /** A 302 to the app's redirect_uri: with {@code code} and {@code state}, or with {@code error} and {@code state}. */
    record BackToApp(URI location, String reason) implements AuthorizeAnswer {
    }

    /**
     * A valid request: /oauth2/authorize sends the browser to the sign-in page with the same query, and the sign-in
     * page shows its form (again, with a message, after a refused sign-in).
     *
     * @param scopes the scopes the code will grant
     */
    record SignInForm(AppClient client, AuthorizationRequest request, List<String> scopes, Optional<String> message)
            implements AuthorizeAnswer {
    }
}
