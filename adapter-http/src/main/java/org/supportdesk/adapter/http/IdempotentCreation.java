package org.supportdesk.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Answers a creating POST (§11, §17): with an {@code Idempotency-Key}, the first request's status and body are kept
 * with its change and replayed for a retry with the same body, while another body with the same key is refused; keys
 * are scoped to the caller, method and path. Without the header the request simply runs. A secret shown once in the
 * first answer is never kept, so a replay answers without it.
 */
public final class IdempotentCreation {
    public static final String HEADER = "Idempotency-Key";

    private final RunOnce runOnce;
    private final ObjectMapper json;

    public IdempotentCreation(RunOnce runOnce, ObjectMapper json) {
        this.runOnce = runOnce;
        this.json = json;
    }

    /** Runs {@code create}, which answers the resource to return with 201, at most once per key. */
    public void respond(Context ctx, Actor actor, Supplier<Object> create) {
        respond(ctx, actor, Digests.sha256Hex(ctx.body()), create, UnaryOperator.identity());
    }

    /**
     * Like {@link #respond(Context, Actor, Supplier)} for a request whose content is not its raw body (an upload, whose
     * multipart framing differs between retries): {@code fingerprint} identifies what it carries.
     */
    public void respond(Context ctx, Actor actor, String fingerprint, Supplier<Object> create) {
        respond(ctx, actor, fingerprint, create, UnaryOperator.identity());
    }

    /**
     * As {@link #respond(Context, Actor, Supplier)}, but a replay answers {@code replayable} of the resource: what the
     * first answer shows once and no store may keep (a secret) is left out of it.
     */
    public <T> void respond(Context ctx, Actor actor, Supplier<T> create, UnaryOperator<T> replayable) {
        respond(ctx, actor, Digests.sha256Hex(ctx.body()), create, replayable);
    }

    private <T> void respond(
            Context ctx, Actor actor, String fingerprint, Supplier<T> create, UnaryOperator<T> replayable) {
        Supplier<RunOnce.Answer> answer = () -> {
            T resource = create.get();
            return new RunOnce.Answer(201, render(resource), render(replayable.apply(resource)));
        };
        String key = ctx.header(HEADER);
        RunOnce.Answer result = key == null
                ? answer.get()
                : runOnce.handle(new RunOnce.Command(
                        new IdempotencyKey(
                                actor.tenant(), caller(actor), ctx.method().name(), ctx.path(), key),
                        fingerprint,
                        answer));
        ctx.status(result.status())
                .contentType("application/json")
                .result(result.body().getBytes(StandardCharsets.UTF_8));
    }

    private String render(Object resource) {
        try {
            return json.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response", e);
        }
    }

    private static String caller(Actor actor) {
        if (actor instanceof CustomerActor customer) {
            return customer.id().toString();
        }
        if (actor instanceof StaffActor staff) {
            return staff.id().toString();
        }
        throw new IllegalArgumentException("no caller for " + actor.kind());
    }
}
