package org.supportdesk.bootstrap;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service under load (the server, or the bare stack, which answers the same paths): where it listens, the bearer
 * its requests carry (none for the bare stack), its requesters, and the tickets seeded in it; it spells each workload's
 * request. Every text is drawn from {@link #WORDS}, so searches for two of them find a few hundred tickets of 10,000.
 */
record LoadTarget(String name, int port, Optional<String> bearer, List<String> requesters, List<String> tickets) {
    static final List<String> WORDS = List.of(
            "printer",
            "invoice",
            "login",
            "password",
            "refund",
            "delivery",
            "crash",
            "screen",
            "network",
            "email",
            "battery",
            "update",
            "license",
            "account",
            "payment",
            "error",
            "timeout",
            "backup",
            "server",
            "keyboard",
            "mouse",
            "monitor",
            "driver",
            "install",
            "upgrade",
            "report",
            "export",
            "import",
            "calendar",
            "meeting",
            "phone",
            "headset",
            "camera",
            "audio",
            "video",
            "wifi",
            "vpn",
            "firewall",
            "certificate",
            "token",
            "browser",
            "cache",
            "cookie",
            "session",
            "profile",
            "avatar",
            "contract",
            "order",
            "shipment",
            "warranty",
            "discount",
            "coupon",
            "subscription",
            "renewal",
            "cancel",
            "address",
            "manual",
            "receipt",
            "tax",
            "quota");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Every PATCH sets a tag no ticket had before, so none is refused as changing nothing. */
    private static final AtomicLong TAGS = new AtomicLong();

    LoadTarget {
        requesters = List.copyOf(requesters);
        tickets = List.copyOf(tickets);
    }

    LoadTarget withTickets(List<String> seeded) {
        return new LoadTarget(name, port, bearer, requesters, seeded);
    }

    /** The same service, tenant and seed on {@code otherPort}: another instance of it, or it restarted. */
    LoadTarget at(int otherPort) {
        return new LoadTarget(name, otherPort, bearer, requesters, tickets);
    }

    /** One request of {@code workload} (a draw for the mixed one), on a random requester or seeded ticket. */
    HttpRequest request(LoadWorkload workload, SplittableRandom random) {
        return switch (workload.draw(random)) {
            case CREATE -> create(random);
            case REPLY -> post("/api/v1/tickets/" + ticket(random) + "/messages", message("public", random));
            case NOTE -> post("/api/v1/tickets/" + ticket(random) + "/messages", message("internal", random));
            case PATCH -> builder("/api/v1/tickets/" + ticket(random))
                    .method("PATCH", json("{\"tags\":[\"bench-" + TAGS.incrementAndGet() + "\"]}"))
                    .header("Content-Type", "application/json")
                    .build();
            case LIST -> builder("/api/v1/tickets?requester=" + requester(random))
                    .GET()
                    .build();
            case SEARCH -> builder("/api/v1/tickets?q=" + word(random) + "+" + word(random))
                    .GET()
                    .build();
            case STATS -> builder("/api/v1/tickets/stats").GET().build();
            case MIXED -> throw new IllegalStateException("draw answers a single workload");
        };
    }

    /** A ticket for a random requester, filed by staff: the seed's request and the create workload's. */
    HttpRequest create(SplittableRandom random) {
        return post(
                "/api/v1/tickets",
                "{\"requester_id\":\"" + requester(random) + "\",\"subject\":\"" + words(random, 4)
                        + "\",\"description\":\"" + words(random, 12) + "\",\"category\":\"technical\"}");
    }

    private HttpRequest post(String path, String body) {
        return builder(path)
                .POST(json(body))
                .header("Content-Type", "application/json")
                .build();
    }

    private static String message(String kind, SplittableRandom random) {
        return "{\"kind\":\"" + kind + "\",\"body\":\"" + words(random, 10) + "\"}";
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT);
        bearer.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private String requester(SplittableRandom random) {
        return requesters.get(random.nextInt(requesters.size()));
    }

    private String ticket(SplittableRandom random) {
        return tickets.get(random.nextInt(tickets.size()));
    }

    private static String word(SplittableRandom random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(word(random));
        for (int i = 1; i < count; i++) {
            text.append(' ').append(word(random));
        }
        return text.toString();
    }
}
