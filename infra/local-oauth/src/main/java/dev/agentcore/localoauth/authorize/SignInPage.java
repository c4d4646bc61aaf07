package dev.agentcore.localoauth.authorize;

import java.util.Optional;

/**
 * The sign-in page: plain HTML, no script, a form that posts the username and password back to the same URL (the
 * authorization request rides along in its query, as on managed login's {@code /login}).
 */
public final class SignInPage {

    private SignInPage() {
    }

    public static String form(AuthorizeAnswer.SignInForm form, String poolId, String rawQuery) {
        String message = form.message().map(m -> "<p class=\"error\" role=\"alert\">" + escape(m) + "</p>\n").orElse("");
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign in</title></head>
                <body>
                <h1>Sign in</h1>
                <p>Local AgentCore: user pool %s, app client %s. For development and tests only.</p>
                %s<form method="post" action="login?%s">
                <p><label for="username">Username</label> <input id="username" name="username" type="text" autocomplete="username" required></p>
                <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
                <p><button type="submit" name="signInSubmitButton" value="Sign in">Sign in</button></p>
                </form>
                </body>
                </html>
                """.formatted(escape(poolId), escape(form.client().clientId()), message,
                escape(Optional.ofNullable(rawQuery).orElse("")));
    }

    /** Cognito's error page says little more than this; the code is in its URL. */
    public static String error(String error) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Error</title></head>
                <body>
                <h1>An error was encountered with the requested page.</h1>
                <p>%s</p>
                </body>
                </html>
                """.formatted(escape(error));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
