package dev.agentcore.runtime.edges;

import jakarta.servlet.RequestDispatcher;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /error}, in place of Spring Boot's error controller: an error the container forwards here keeps its
 * status, with the reason phrase as plain text, as Starlette answers an {@code HTTPException}; a request for
 * {@code /error} itself is any unknown path, 404 {@code Not Found}. Boot's controller answered that one
 * {@code {"status":999,"error":"None"}}.
 */
public final class ErrorEndpoint implements ErrorController {

    public ServerResponse handle(ServerRequest request) {
        int status = request.attribute(RequestDispatcher.ERROR_STATUS_CODE).orElse(null) instanceof Integer code
                && code >= 400 ? code : 404;
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(reasonPhrase(status));
    }

    /** The status's reason phrase, as Starlette's HTTPException gives it, else the number. */
    static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : known.getReasonPhrase();
    }
}
