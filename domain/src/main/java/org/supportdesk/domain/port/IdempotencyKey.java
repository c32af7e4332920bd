package org.supportdesk.domain.port;

import java.util.Objects;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.tenant.TenantId;

/** An {@code Idempotency-Key} as scoped by §17: to the tenant, the caller, the method and the path. */
public record IdempotencyKey(TenantId tenant, String caller, String method, String path, String key) {
    public static final int MAX_KEY_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        key = Validation.trimmed("Idempotency-Key", key, 1, MAX_KEY_LENGTH);
    }
}
