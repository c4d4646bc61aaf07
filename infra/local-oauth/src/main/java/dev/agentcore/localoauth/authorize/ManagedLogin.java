package dev.agentcore.localoauth.authorize;

import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.OAuthFlow;
import dev.agentcore.localoauth.pool.SignIn;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPools;
import dev.agentcore.localoauth.token.AuthorizationCodes;
import dev.agentcore.localoauth.token.Pkce;
import dev.agentcore.localoauth.token.UserGrant;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito's {@code GET /oauth2/authorize} and its managed login sign-in page, HTTP aside, for the authorization code
 * grant (with or without PKCE).
 *
 * <p>The checks, in order, and what fails each (Cognito's documented negative responses, and what it was observed
 * to answer where the documentation is silent):
 * <ol>
 *   <li>{@code client_id} names an app client of the pool; else {@code /error?error=invalid_request} (local choice:
 *       no transcript shows Cognito's answer).</li>
 *   <li>{@code redirect_uri} is one of its CallbackURLs, exactly; else {@code /error?error=redirect_mismatch
 *       &client_id=...} (observed).</li>
 *   <li>From here errors go back to the redirect_uri with {@code error} and the request's {@code state}: a repeated
 *       parameter or no {@code response_type}: {@code invalid_request}; a response_type other than {@code code}
 *       or {@code token}: {@code unsupported_response_type}; {@code code_challenge} without
 *       {@code code_challenge_method=S256}, a method other than S256, or a method without a challenge:
 *       {@code invalid_request}.</li>
 *   <li>The client has {@code code} in AllowedOAuthFlows (and AllowedOAuthFlowsUserPoolClient); else
 *       {@code unauthorized_client}. {@code response_type=token} (the implicit grant) is not served here.</li>
 *   <li>Every requested scope is among its AllowedOAuthScopes, and {@code email}, {@code phone} and
 *       {@code profile} come with {@code openid}; else {@code invalid_scope}. No scope: all the client's.</li>
 * </ol>
 */
public final class ManagedLogin {

    private static final Set<String> NEED_OPENID = Set.of("email", "phone", "profile");

    private final UserPools pools;
    private final AuthorizationCodes codes;
    private final Clock clock;

    public ManagedLogin(UserPools pools, AuthorizationCodes codes, Clock clock) {
        this.pools = pools;
        this.codes = codes;
        this.clock = clock;
    }

    /** {@code GET /oauth2/authorize}, and {@code GET /login}: the form for a valid request, an error otherwise. */
    public AuthorizeAnswer check(UserPool pool, AuthorizationRequest request) {
        Optional<AppClient> found = request.clientId().filter(id -> !id.isEmpty())
                .flatMap(id -> pools.client(pool.id(), id));
        if (found.isEmpty()) {
            return new AuthorizeAnswer.ErrorPage("invalid_request", request.clientId(), request.clientId()
                    .map(id -> "no app client " + id + " in user pool " + pool.id()).orElse("no client_id"));
        }
        AppClient client = found.get();
        if (!client.hasCallbackUrl(request.redirectUri().orElse(null))) {
            return new AuthorizeAnswer.ErrorPage("redirect_mismatch", Optional.of(client.clientId()),
                    "redirect_uri " + request.redirectUri().orElse("(none)") + " is not among the callback URLs "
                            + client.callbackUrls() + " of app client " + client.clientId());
        }
        String redirectUri = request.redirectUri().orElseThrow();
        if (!request.repeated().isEmpty()) {
            return error(redirectUri, request, "invalid_request", "parameters repeated: " + request.repeated());
        }
        if (request.responseType().isEmpty()) {
            return error(redirectUri, request, "invalid_request", "no response_type");
        }
        String responseType = request.responseType().get();
        if (!responseType.equals("code") && !responseType.equals("token")) {
            return error(redirectUri, request, "unsupported_response_type", "response_type " + responseType);
        }
        if (request.codeChallenge().isPresent() != request.codeChallengeMethod().isPresent()) {
            return error(redirectUri, request, "invalid_request",
                    "code_challenge and code_challenge_method go together");
        }
        if (request.codeChallengeMethod().filter(m -> !m.equals(Pkce.S256)).isPresent()) {
            return error(redirectUri, request, "invalid_request", "code_challenge_method "
                    + request.codeChallengeMethod().get() + ": Cognito supports S256 only");
        }
        if (responseType.equals("token")) {
            return client.mayUse(OAuthFlow.IMPLICIT)
                    ? error(redirectUri, request, "unsupported_response_type",
                    "the implicit grant is not served by this local server; use response_type=code")
                    : error(redirectUri, request, "unauthorized_client",
                    "app client " + client.clientId() + " may not use the implicit flow");
        }
        if (!client.mayUse(OAuthFlow.CODE)) {
            return error(redirectUri, request, "unauthorized_client", "app client " + client.clientId()
                    + " may not use the code flow (AllowedOAuthFlows " + client.allowedOAuthFlows()
                    + (client.oauthEnabled() ? "" : ", AllowedOAuthFlowsUserPoolClient false") + ")");
        }
        List<String> scopes = request.scope().filter(s -> !s.isBlank())
                .map(s -> List.copyOf(new LinkedHashSet<>(List.of(s.strip().split("\\s+")))))
                .orElse(client.allowedOAuthScopes());
        List<String> outside = scopes.stream().filter(s -> !client.allowedOAuthScopes().contains(s)).toList();
        if (!outside.isEmpty()) {
            return error(redirectUri, request, "invalid_scope", "scopes " + outside + " are not among app client "
                    + client.clientId() + "'s AllowedOAuthScopes " + client.allowedOAuthScopes());
        }
        if (!scopes.contains("openid") && scopes.stream().anyMatch(NEED_OPENID::contains)) {
            return error(redirectUri, request, "invalid_scope", "email, phone and profile need openid");
        }
        if (scopes.isEmpty()) {
            return error(redirectUri, request, "invalid_scope", "app client " + client.clientId() + " has no scope");
        }
        return new AuthorizeAnswer.SignInForm(client, request, scopes, Optional.empty());
    }

    /**
     * {@code POST /login}: the request checked again, then the username and password against the pool's users. A
     * refusal shows the form again with managed login's message; success sends the browser back to the app with a
     * one-time code and the state.
     */
    public SignInResult signIn(UserPool pool, AuthorizationRequest request, String username, String password) {
        AuthorizeAnswer checked = check(pool, request);
        if (!(checked instanceof AuthorizeAnswer.SignInForm form)) {
            return new SignInResult(checked, Optional.empty());
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return new SignInResult(withMessage(form, "Please enter a username and a password."), Optional.empty());
        }
        SignIn outcome = pools.signIn(form.client(), username.strip(), password);
        return switch (outcome) {
            case SignIn.Refused refused -> new SignInResult(withMessage(form, refused.message()),
                    Optional.of(refused.reason()));
            case SignIn.SignedIn signedIn -> {
                UserGrant grant = UserGrant.signedIn(pool.id(), form.client().clientId(), signedIn.user(),
                        form.scopes(), clock.instant(), request.nonce());
                String redirectUri = request.redirectUri().orElseThrow();
                String code = codes.issue(grant, redirectUri, request.codeChallenge());
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("code", code);
                request.state().ifPresent(state -> answer.put("state", state));
                yield new SignInResult(new AuthorizeAnswer.BackToApp(append(redirectUri, answer),
                        "user " + signedIn.user().username() + " signed in to " + form.client().clientId()),
                        Optional.empty());
            }
        };
    }

    /** The answer, and why a sign-in was refused (for the log; the page shows only the message). */
    public record SignInResult(AuthorizeAnswer answer, Optional<String> refusal) {
    }

    private static AuthorizeAnswer.SignInForm withMessage(AuthorizeAnswer.SignInForm form, String message) {
        return new AuthorizeAnswer.SignInForm(form.client(), form.request(), form.scopes(), Optional.of(message));
    }

    private static AuthorizeAnswer error(String redirectUri, AuthorizationRequest request, String error, String reason) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        request.state().ifPresent(state -> answer.put("state", state));
        return new AuthorizeAnswer.BackToApp(append(redirectUri, answer), reason);
    }

    /** The redirect_uri with parameters added to its query (it may have one already). */
    static URI append(String redirectUri, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }
}
