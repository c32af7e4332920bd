package org.supportdesk.bootstrap.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.supportdesk.adapter.http.Problems;
import org.supportdesk.adapter.http.RawHttp;

/**
 * What the HTTP fuzz run saw (S15), checked as it arrives: every status counted, and every answer that is a 5xx,
 * carries a stack trace, or refuses without a problem+json body counted as a failure by kind, the first few of each kind
 * kept with their requests.
 */
final class Outcomes {
    private static final int KEPT_FAILURES = 20;
    private static final int KEPT_PER_KIND = 3;
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\bat (org|java|jdk|sun|io|com|kotlin)\\.[\\w$.]+\\(|Exception|Caused by:|\\tat ");

    final LongAdder sent = new LongAdder();
    final LongAdder answers = new LongAdder();
    /** Connections the server closed or reset without answering: allowed for broken HTTP, counted. */
    final LongAdder hangUps = new LongAdder();

    final LongAdder timeouts = new LongAdder();
    private final AtomicLongArray statuses = new AtomicLongArray(1000);
    private final Map<String, LongAdder> failureCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    void answered(String request, RawHttp.Response response) {
        answers.increment();
        statuses.incrementAndGet(Math.min(response.status(), 999));
        String body = response.text();
        if (response.status() >= 500) {
            fail("status " + response.status(), request, body);
        }
        if (STACK_TRACE.matcher(body).find()) {
            fail("stack trace", request, body);
        }
        if (response.status() >= 400
                && response.body().length > 0
                && !response.header("content-type").startsWith(Problems.CONTENT_TYPE)) {
            fail("an error that is not problem+json (" + response.header("content-type") + ")", request, body);
        }
    }

    void timedOut(String request) {
        timeouts.increment();
        fail("no answer within " + RawHttp.TIMEOUT_MILLIS + " ms", request, "");
    }

    private void fail(String what, String request, String body) {
        LongAdder count = failureCounts.computeIfAbsent(what, kind -> new LongAdder());
        count.increment();
        if (count.sum() <= KEPT_PER_KIND && failures.size() < KEPT_FAILURES) {
            failures.add(what + "\n  request: " + request + "\n  body: " + abbreviated(body));
        }
    }

    /** How many answers failed, by what was wrong with them. */
    Map<String, Long> failureCounts() {
        Map<String, Long> counts = new TreeMap<>();
        failureCounts.forEach((what, count) -> counts.put(what, count.sum()));
        return counts;
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    /** Count by status, in order. */
    Map<Integer, Long> histogram() {
        Map<Integer, Long> histogram = new TreeMap<>();
        for (int status = 0; status < statuses.length(); status++) {
            if (statuses.get(status) > 0) {
                histogram.put(status, statuses.get(status));
            }
        }
        return histogram;
    }

    /** The first bytes of a request or body, control characters and non-ASCII shown escaped. */
    static String abbreviated(String text) {
        StringBuilder shown = new StringBuilder();
        for (char c : text.substring(0, Math.min(text.length(), 300)).toCharArray()) {
            shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return text.length() > 300 ? shown + "… (" + text.length() + " chars)" : shown.toString();
    }
}
