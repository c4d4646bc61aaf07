package dev.agentcore.localoauth.authorizer;

import java.net.URI;

/** The two members of a discovery document the authorizer needs. */
public record IssuerMetadata(String issuer, URI jwksUri) {
}
