package org.supportdesk.application.call;

import java.util.Objects;
import org.supportdesk.domain.call.CallRequest;

/** A call-back request as staff see it: all of it, and its requester's display name. */
public record CallView(CallRequest call, String requesterName) {
    public CallView {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(requesterName, "requesterName");
    }
}
