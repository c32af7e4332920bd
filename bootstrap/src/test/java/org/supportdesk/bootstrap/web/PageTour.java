package org.supportdesk.bootstrap.web;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Walks the pages of one area as one signed-in person, the way the security and accessibility suites need it: each
 * page is reached through the URL's fragment (as a reader's link or bookmark does), the page is left to settle (no
 * request of its own still open and its document unchanged for a moment), and then read: its text, its markup, and
 * whether anything in it could run script.
 *
 * <p>A page whose module is not there yet renders nothing ({@link Shown#rendered} false), so a suite run before the
 * page exists passes trivially there and bites once it lands.
 */
final class PageTour {
    /** The document unchanged for this long, with no request open, counts as settled. */
    private static final long QUIET_MILLIS = 150;

    /** After typing: long enough for a page that waits for the typist to pause before it asks the server. */
    private static final long TYPING_QUIET_MILLIS = 1_000;

    private static final long SETTLE_LIMIT_MILLIS = 8_000;

    /** Counts the page's open requests and notes when its document last changed; installed once per document. */
    private static final String INSTRUMENT =
            """
            if (!window.__tour) {
              const tour = window.__tour = {pending: 0, changed: Date.now(), navigated: Date.now()};
              const fetch = window.fetch;
              window.fetch = function (...args) {
                tour.pending += 1;
                tour.changed = Date.now();
                return fetch.apply(this, args).finally(() => { tour.pending -= 1; tour.changed = Date.now(); });
              };
              new MutationObserver(() => { tour.changed = Date.now(); })
                .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
            }""";

    /** Empties <main> (so a page that fails to load cannot pass for the one before) and goes to the route. */
    private static final String NAVIGATE =
            """
            const route = arguments[0];
            document.querySelector('main')?.replaceChildren();
            window.__tour.navigated = Date.now();
            if (location.hash === '#' + route) window.dispatchEvent(new HashChangeEvent('hashchange'));
            else location.hash = route;""";

    private static final String SETTLED =
            """
            const tour = window.__tour;
            return tour.pending === 0 && Date.now() - Math.max(tour.changed, tour.navigated) > arguments[0];""";

    /**
     * What the page shows and holds. Unsafe markup: what no page of ours ever makes and a parsed payload would: frames,
     * objects, a base, an inline or foreign script, a style or meta in the body, an event-handler or srcdoc attribute,
     * a javascript:, vbscript: or data:text/html address, a CSS expression.
     */
    private static final String READ =
            """
            const squash = (text) => text.replace(/\\s+/g, ' ').trim();
            const main = document.querySelector('main');
            const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster',
              'codebase', 'cite', 'srcset', 'ping', 'lowsrc', 'dynsrc', 'content'];
            const unsafe = [];
            for (const element of document.querySelectorAll('*')) {
              const tag = element.localName;
              const own = element.outerHTML.slice(0, 160);
              if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag)) unsafe.push(own);
              if (tag === 'script' && !(element.src && new URL(element.src).origin === location.origin)) unsafe.push(own);
              if (['style', 'meta', 'link'].includes(tag) && element.closest('body')) unsafe.push(own);
              for (const attribute of element.attributes) {
                const name = attribute.name.toLowerCase();
                const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                if (name.startsWith('on') || name === 'srcdoc') unsafe.push(own);
                if (urlAttributes.includes(name) && /^(javascript:|vbscript:|data:text\\/html)/.test(value)) unsafe.push(own);
                if (name === 'style' && /expression\\(|javascript:/.test(value)) unsafe.push(own);
              }
            }
            const alert = main?.querySelector('[role=alert]');
            return {
              rendered: !!main?.querySelector('h1'),
              text: squash([main?.textContent || '',
                ...[...(main?.querySelectorAll('input, textarea') || [])].map((control) => control.value)].join(' ')),
              visible: document.body.innerText,
              storage: JSON.stringify(localStorage) + JSON.stringify(sessionStorage),
              ran: typeof window.__xss !== 'undefined',
              unsafe,
              error: alert ? squash(alert.textContent) : '',
            };""";

    private final WebWorld world;
    private final Browser browser;

    PageTour(WebWorld world, Browser browser) {
        this.world = world;
        this.browser = browser;
    }

    /**
     * What a page showed once settled. {@code text}: its {@code <main>}'s text and its text controls' values (an
     * editor shows a title in an input, as text all the same), white space squashed. {@code visibleText}: the whole
     * window's text as a reader sees it. {@code source}: the document's markup as the browser holds it. {@code
     * storage}: what it keeps in local and session storage. {@code ran}: whether the XSS sentinel was set.
     */
    record Shown(
            String page,
            boolean rendered,
            String text,
            String visibleText,
            String source,
            String storage,
            boolean ran,
            List<String> unsafeMarkup,
            String error) {
        /** Whether {@code value} is in the page's main part as text (white space squashed as that text is). */
        boolean showsAsText(String value) {
            return text.contains(squash(value));
        }
    }

    /** The area's sign-in page ({@code "/"} or {@code "/desk/"}), nobody signed in. */
    Shown signInPage(String area) {
        browser.forgetEverything(world.url("/assets/app.css"));
        browser.open(world.url(area));
        browser.await("form input[name=password]");
        browser.script(INSTRUMENT);
        settle();
        return read(area + " sign-in");
    }

    /** Signs {@code who} in on the area's own form and waits for its frame. */
    void signIn(String area, WebWorld.Account who) {
        signInPage(area);
        browser.signIn(who.tenant(), who.email(), who.password());
        browser.await("header.top nav");
        browser.script(INSTRUMENT);
        settle();
    }

    /** Goes to {@code route} ({@code "/tickets/…"}) of the area signed in to, and reads it once settled. */
    Shown visit(String route) {
        browser.script(NAVIGATE, route);
        settle();
        return read(route);
    }

    /** Types into the page's control matching {@code css}, if it has one, and reads the page once settled again. */
    Shown typeInto(String css, String text, String page) {
        List<WebElement> controls = browser.driver().findElements(By.cssSelector(css));
        if (!controls.isEmpty()) {
            browser.script("window.__tour.navigated = Date.now();");
            controls.get(0).sendKeys(text);
            settle(TYPING_QUIET_MILLIS);
        }
        return read(page);
    }

    private void settle() {
        settle(QUIET_MILLIS);
    }

    private void settle(long quietMillis) {
        long limit = System.currentTimeMillis() + SETTLE_LIMIT_MILLIS;
        while (!Boolean.TRUE.equals(browser.script(SETTLED, quietMillis)) && System.currentTimeMillis() < limit) {
            pause();
        }
    }

    private Shown read(String page) {
        Map<String, Object> seen = Browser.asMap(browser.script(READ));
        @SuppressWarnings("unchecked")
        List<String> unsafe = (List<String>) seen.get("unsafe");
        return new Shown(
                page,
                Boolean.TRUE.equals(seen.get("rendered")),
                (String) seen.get("text"),
                (String) seen.get("visible"),
                browser.pageSource(),
                (String) seen.get("storage"),
                Boolean.TRUE.equals(seen.get("ran")),
                List.copyOf(unsafe),
                (String) seen.get("error"));
    }

    static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
