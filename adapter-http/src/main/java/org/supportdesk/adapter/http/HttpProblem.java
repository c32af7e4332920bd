package org.supportdesk.adapter.http;

import java.util.List;
import java.util.Map;
import org.supportdesk.domain.problem.FieldError;

/** A refusal the transport itself makes (bad token, bad JSON, wrong content type …), rendered like any problem. */
public final class HttpProblem extends RuntimeException {
    private final ApiCode code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public HttpProblem(ApiCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public HttpProblem(ApiCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ApiCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
