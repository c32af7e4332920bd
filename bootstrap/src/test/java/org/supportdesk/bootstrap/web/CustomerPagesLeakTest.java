package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY S2 in the browser: a marker placed in everything of a customer's ticket that is internal (notes and
 * their files, tags, custom fields, the escalation reason, the assignee's name, the call-back's outcome) and in things
 * that are not hers at all (another customer's ticket, a draft article, staff-only settings) never reaches any portal
 * page she opens: not its text, not its markup, not what it keeps in storage. So that a page showing nothing cannot
 * pass, the pages that render show her ticket's public content.
 */
class CustomerPagesLeakTest {
    final WebWorld world = WebWorld.get();

    @Test
    void no_portal_page_holds_anything_internal_of_the_customers_ticket() {
        // Letters and digits only, so it is a valid tag as well; lower case, as tags are.
        String marker = "zqleak" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        WebSeeds.LeakTenant seeded = new WebSeeds(world).seedLeak(marker);
        Browser browser = world.freshBrowser();
        PageTour tour = new PageTour(world, browser);

        tour.signIn("/", seeded.tenant().customer());
        List<PageTour.Shown> pages = new ArrayList<>();
        PageTour.Shown list = tour.visit("/tickets");
        pages.add(list);
        pages.add(tour.visit("/tickets?status=all"));
        PageTour.Shown ticket = tour.visit("/tickets/" + seeded.ticketId());
        pages.add(ticket);
        pages.add(tour.visit("/notifications"));
        pages.add(tour.visit("/profile"));
        pages.add(tour.visit("/new"));
        PageTour.Shown suggestions = tour.typeInto("main input[name=subject]", "printer", "/new with suggestions");
        pages.add(suggestions);

        for (PageTour.Shown page : pages) {
            assertThat(page.source()).as("the markup of " + page.page()).doesNotContain(marker);
            assertThat(page.visibleText().toLowerCase(Locale.ROOT))
                    .as("the text of " + page.page())
                    .doesNotContain(marker);
            assertThat(page.text().toLowerCase(Locale.ROOT))
                    .as("the text and form values of " + page.page())
                    .doesNotContain(marker);
            assertThat(page.storage()).as("the storage of " + page.page()).doesNotContain(marker);
        }
        assertThat(list.rendered()).as("the ticket list renders").isTrue();
        assertThat(list.showsAsText(seeded.publicSubject()))
                .as("the list shows the ticket")
                .isTrue();
        if (ticket.rendered()) {
            assertThat(ticket.showsAsText(seeded.publicReply()))
                    .as("the ticket shows its public reply")
                    .isTrue();
        }
        if (suggestions.rendered()) {
            assertThat(suggestions.showsAsText(seeded.publicArticle()))
                    .as("the new-ticket page suggests the published article")
                    .isTrue();
        }
    }
}
