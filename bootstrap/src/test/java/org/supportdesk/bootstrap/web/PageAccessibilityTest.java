package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every main page of the portal and the console, with a realistic tenant behind it, has no serious or critical
 * accessibility violation by axe-core. Pages not built yet render nothing and pass here; the check bites as each lands.
 */
class PageAccessibilityTest {
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

    final WebWorld world = WebWorld.get();

    @Test
    void no_main_page_has_a_serious_or_critical_violation() {
        WebSeeds.RealisticTenant seeded = new WebSeeds(world).seedRealistic();
        Browser browser = world.freshBrowser();
        PageTour tour = new PageTour(world, browser);
        Map<String, List<String>> violations = new LinkedHashMap<>();

        tour.signInPage("/");
        violations.put("portal sign-in", browser.accessibilityViolations());
        tour.signIn("/", seeded.tenant().customer());
        for (String route :
                List.of("/tickets", "/tickets/" + seeded.ticketId(), "/new", "/notifications", "/profile")) {
            tour.visit(route);
            violations.put("portal " + route, browser.accessibilityViolations());
        }

        tour.signInPage("/desk/");
        violations.put("console sign-in", browser.accessibilityViolations());
        tour.signIn("/desk/", seeded.tenant().admin());
        List<String> routes = new ArrayList<>(List.of(
                "/queue",
                "/tickets/" + seeded.ticketId(),
                "/calls",
                "/kb",
                "/kb/" + seeded.articleId(),
                "/stats",
                "/notifications"));
        ADMIN_SECTIONS.forEach(section -> routes.add("/admin/" + section));
        for (String route : routes) {
            tour.visit(route);
            violations.put("console " + route, browser.accessibilityViolations());
        }

        violations.values().removeIf(List::isEmpty);
        assertThat(violations)
                .as("serious or critical axe-core violations per page")
                .isEmpty();
    }
}
