package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY S5, stored XSS in a real browser: every payload of {@code web/xss-payloads.txt} goes through the real
 * API into every user-controlled text the portal and console show ({@link XssSeeds}), then every page of both areas
 * is opened as the customer, agents and an admin. On no page may a payload run (the {@code window.__xss} sentinel
 * stays unset), be refused by the Content-Security-Policy (a refusal means it was parsed as markup), or stand in the
 * document as markup that could run (an event-handler attribute, a frame, a javascript: link …). And so that a page
 * that shows nothing cannot pass for a safe one, every page that renders shows the payloads as text.
 *
 * <p>Pages not built yet render nothing and pass here trivially; the suite bites as each lands.
 */
class StoredXssTest {
    private static final List<String> ADMIN_SECTIONS = List.of(
            "people",
            "organizations",
            "categories",
            "sla",
            "business-hours",
            "settings",
            "api-tokens",
            "webhooks",
            "channels");

    /** The admin sections that list something a payload was put into. */
    private static final List<String> ADMIN_SECTIONS_WITH_PAYLOADS =
            List.of("people", "organizations", "api-tokens", "webhooks");

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

    final WebWorld world = WebWorld.get();

    @Test
    void the_catalogue_holds_at_least_sixty_distinct_one_line_payloads_each_setting_the_sentinel() {
        List<String> payloads = XssSeeds.payloads();

        assertThat(payloads).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        assertThat(payloads).allSatisfy(payload -> {
            assertThat(payload)
                    .hasSizeBetween(3, 100)
                    .isEqualTo(payload.strip())
                    .doesNotContain("\n", "\r");
            assertThat(setsSentinel(payload)).as(payload).isTrue();
        });
    }

    @Test
    void no_payload_in_any_field_runs_on_any_page_of_portal_or_console() {
        List<String> payloads = XssSeeds.payloads();
        long started = System.nanoTime();
        XssSeeds.XssTenant seeded = XssSeeds.seed(world, payloads);
        System.out.println("S5 seeded " + payloads.size() + " payloads in " + secondsSince(started) + " s; stored per "
                + "field " + seeded.stored() + "; refused per field " + refusedCounts(seeded));
        started = System.nanoTime();
        Browser browser = world.freshBrowser();
        int violationsBefore = browser.policyViolations().size();
        PageTour tour = new PageTour(world, browser);
        Visits visits = new Visits();
        List<XssSeeds.PayloadTicket> tickets = seeded.tickets();

        tour.signIn("/", seeded.customer());
        PageTour.Shown myTickets = visits.expectAny(tour.visit("/tickets"), payloads);
        for (XssSeeds.PayloadTicket ticket : tickets) {
            visits.expectAll(tour.visit("/tickets/" + ticket.id()), publicTexts(ticket));
        }
        visits.expectAny(tour.visit("/notifications"), payloads);
        visits.expectAny(tour.visit("/profile"), List.of(payloads.get(0)));
        visits.add(tour.visit("/new"));
        visits.expectAny(tour.typeInto("main input[name=subject]", "printer", "/new with suggestions"), payloads);

        // Two agents share the console's ticket pages, so that neither reaches a person's rate limit.
        List<WebWorld.Account> agents = seeded.agents();
        tour.signIn("/desk/", agents.get(0));
        PageTour.Shown queue = visits.expectAny(tour.visit("/queue"), payloads);
        for (int i = 0; i < tickets.size(); i++) {
            if (i == tickets.size() / 2) {
                tour.signIn("/desk/", agents.get(1));
            }
            visits.expectAll(tour.visit("/tickets/" + tickets.get(i).id()), publicTexts(tickets.get(i)));
        }
        visits.expectAny(tour.visit("/queue?limit=100"), payloads);
        visits.expectAny(tour.visit("/calls"), payloads);
        visits.expectAny(tour.visit("/notifications"), payloads);
        visits.add(tour.visit("/stats"));

        tour.signIn("/desk/", seeded.admin());
        visits.expectAny(tour.visit("/kb"), payloads);
        for (int i = 0; i < seeded.articleIds().size(); i++) {
            visits.expectAll(tour.visit("/kb/" + seeded.articleIds().get(i)), List.of(payloads.get(i)));
        }
        for (String section : ADMIN_SECTIONS) {
            PageTour.Shown page = tour.visit("/admin/" + section);
            visits.expectAny(page, ADMIN_SECTIONS_WITH_PAYLOADS.contains(section) ? payloads : List.of());
        }
        System.out.println("S5 visited " + visits.all.size() + " pages in " + secondsSince(started) + " s, "
                + visits.rendered() + " of them rendered; seeded texts shown as text " + visits.textsShown + " times");

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(myTickets.rendered())
                    .as("the portal's ticket list renders")
                    .isTrue();
            softly.assertThat(PageTour.squash(myTickets.visibleText()))
                    .as("the portal's frame shows the customer's name as text")
                    .contains(payloads.get(0));
            softly.assertThat(queue.rendered())
                    .as("the console's queue renders")
                    .isTrue();
            softly.assertThat(visits.where(PageTour.Shown::ran))
                    .as("pages where a payload ran")
                    .isEmpty();
            softly.assertThat(visits.unsafeMarkup())
                    .as("markup a payload left in a page")
                    .isEmpty();
            softly.assertThat(browser.policyViolations().stream()
                            .skip(violationsBefore)
                            .toList())
                    .as("Content-Security-Policy refusals (a payload parsed as markup)")
                    .isEmpty();
            softly.assertThat(visits.where(page -> !page.error().isEmpty()))
                    .as("pages showing an error instead of the seeded data")
                    .isEmpty();
            softly.assertThat(visits.notShown)
                    .as("seeded texts a rendered page did not show as text")
                    .isEmpty();
        });
    }

    /** Whether the payload names the sentinel, itself or base64-encoded (for one that decodes before it runs). */
    private static boolean setsSentinel(String payload) {
        if (payload.contains("__xss") || payload.contains("'__x'+'ss'")) {
            return true;
        }
        return BASE64.matcher(payload)
                .results()
                .map(match -> new String(Base64.getDecoder().decode(match.group()), StandardCharsets.ISO_8859_1))
                .anyMatch(decoded -> decoded.contains("__xss"));
    }

    /** What the customer may see of a payload ticket: the payload (subject, description, replies) and its files. */
    private static List<String> publicTexts(XssSeeds.PayloadTicket ticket) {
        List<String> texts = new ArrayList<>(List.of(ticket.payload()));
        texts.addAll(ticket.publicFileNames());
        return texts;
    }

    private static long secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000_000;
    }

    private static Map<String, Integer> refusedCounts(XssSeeds.XssTenant seeded) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        seeded.refused().forEach((field, payloads) -> counts.put(field, payloads.size()));
        return counts;
    }

    /** The pages seen, and what a rendered page should have shown as text but did not. */
    private static final class Visits {
        final List<PageTour.Shown> all = new ArrayList<>();
        final List<String> notShown = new ArrayList<>();
        int textsShown;

        PageTour.Shown add(PageTour.Shown page) {
            all.add(page);
            return page;
        }

        /** A rendered page shows at least one of {@code texts} (a list shows a page of them, not all). */
        PageTour.Shown expectAny(PageTour.Shown page, Collection<String> texts) {
            long shown = texts.stream().filter(page::showsAsText).count();
            textsShown += (int) shown;
            if (page.rendered() && !texts.isEmpty() && shown == 0) {
                notShown.add(page.page() + ": none of the seeded texts");
            }
            return add(page);
        }

        /** A rendered page shows every one of {@code texts}. */
        PageTour.Shown expectAll(PageTour.Shown page, Collection<String> texts) {
            for (String text : texts) {
                if (page.showsAsText(text)) {
                    textsShown++;
                } else if (page.rendered()) {
                    notShown.add(page.page() + ": " + text);
                }
            }
            return add(page);
        }

        long rendered() {
            return all.stream().filter(PageTour.Shown::rendered).count();
        }

        List<String> where(Predicate<PageTour.Shown> test) {
            return all.stream()
                    .filter(test)
                    .map(page -> page.page() + (page.error().isEmpty() ? "" : ": " + page.error()))
                    .toList();
        }

        Map<String, List<String>> unsafeMarkup() {
            Map<String, List<String>> found = new LinkedHashMap<>();
            all.stream()
                    .filter(page -> !page.unsafeMarkup().isEmpty())
                    .forEach(page -> found.put(page.page(), page.unsafeMarkup()));
            return found;
        }
    }
}
