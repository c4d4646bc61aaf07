package dev.agentcore.runtime.core;

import java.util.List;

/**
 * A result with a status and headers of its own whose body is a value, written as results are ({@code json.dumps}
 * spacing): what a framework's response object with a body becomes (the Spring starter's {@code ResponseEntity}).
 * A null value is an empty body with no content type, as Starlette's {@code Response(status_code=...)} answers.
 *
 * @param headers name and value pairs, in order; a {@code Content-Type} among them replaces {@code application/json}
 */
public record JsonResult(int status, List<String> headers, Object value) {

    public JsonResult {
        headers = HttpResult.checked(status, headers);
    }
}
