package org.supportdesk.application.call;

import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.UserId;

/** Staff's views of calls, with their requesters' names read in the caller's transaction, once per requester. */
final class CallViews {
    private final People people;
    private final Map<UserId, String> names = new HashMap<>();

    private CallViews(People people) {
        this.people = people;
    }

    /** A fresh lookup for one transaction: names are remembered for it only. */
    static CallViews over(People people) {
        return new CallViews(people);
    }

    CallView of(CallRequest call) {
        String name = names.computeIfAbsent(call.requester(), requester -> people.person(call.tenant(), requester)
                .map(Person::name)
                .orElseThrow(() -> new IllegalStateException("call " + call.id() + " has no stored requester")));
        return new CallView(call, name);
    }
}
