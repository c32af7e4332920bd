package org.supportdesk.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before any route runs, the requests Javalin itself would fail on with a 500 (S15, found by the HTTP fuzz
 * run): HEAD, which Javalin hands to the GET handler without that route's roles, so it cannot be authenticated; a path
 * that is not valid percent-encoding, which Javalin cannot decode into path parameters; and a body in a charset Java
 * does not know, which Javalin cannot decode.
 */
final class TransportChecks {
    private TransportChecks() {}

    static void refuseWhatCannotBeRead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            throw new HttpProblem(ApiCode.METHOD_NOT_ALLOWED, "HEAD is not supported; use GET");
        }
        try {
            URLDecoder.decode(ctx.path(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new HttpProblem(ApiCode.BAD_REQUEST, "The path is not valid percent-encoding");
        }
        String charset = ctx.characterEncoding();
        if (charset != null && !isKnown(charset)) {
            throw new HttpProblem(ApiCode.UNSUPPORTED_MEDIA_TYPE, "Send the body in UTF-8");
        }
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException illegal) {
            return false;
        }
    }
}
