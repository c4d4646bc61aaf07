package dev.agentcore.client.auth;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.Section;
import java.util.List;
import java.util.Locale;

/**
 * A user sign-in ({@code InitiateAuth}) that gave no tokens: Cognito was not reached ({@code problem}), asked for a
 * {@code challenge}, or refused with an error {@code code} and {@code message}. What {@link SignInRules} look at;
 * made with {@link #unreachable}, {@link #challenged} or {@link #refused}.
 *
 * @param flow            USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH
 * @param secretGiven     whether the client was given an app client secret (and so sent SECRET_HASH)
 */
public record SignInFailure(String flow, String clientId, String username, boolean secretGiven,
                            TransportProblem problem, String challenge, String code, String message) {

    public static SignInFailure unreachable(String flow, String clientId, String username, boolean secretGiven,
                                            TransportProblem problem) {
        return new SignInFailure(flow, clientId, username, secretGiven, problem, null, null, null);
    }

    public static SignInFailure challenged(String flow, String clientId, String username, boolean secretGiven,
                                           String challenge) {
        return new SignInFailure(flow, clientId, username, secretGiven, null, challenge, null, null);
    }

    public static SignInFailure refused(String flow, String clientId, String username, boolean secretGiven,
                                        String code, String message) {
        return new SignInFailure(flow, clientId, username, secretGiven, null, null, code == null ? "" : code, message);
    }

    boolean isChallenge(String... names) {
        return challenge != null && List.of(names).contains(challenge);
    }

    boolean refusedWith(String errorCode) {
        return code != null && code.equals(errorCode);
    }

    /** Cognito's message, lower case, for the rules that read it ("Incorrect username or password."). */
    boolean says(String... texts) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return code != null && List.of(texts).stream().anyMatch(lower::contains);
    }

    /** The summary, the ranked causes of {@link SignInRules} and the details for --verbose. */
    public Diagnosis diagnosis(List<Section> details) {
        if (problem != null) {
            return new Diagnosis(FailureCategory.NETWORK, "could not reach Cognito for InitiateAuth: " + problem.text(),
                    SignInRules.FAMILY.causes(this), details);
        }
        String summary = challenge != null ? "Cognito did not issue tokens: challenge " + challenge
                : "Cognito rejected " + flow + ": " + code + (message == null ? "" : " - " + message);
        return new Diagnosis(FailureCategory.AUTH, summary, SignInRules.FAMILY.causes(this), details);
    }
}
