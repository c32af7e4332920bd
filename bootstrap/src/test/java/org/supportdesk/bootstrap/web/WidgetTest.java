package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.bootstrap.TestHttp;

/**
 * The embeddable filing widget (issue 13, seed 003; docs/widget.md) in a real browser. On the demo host page it signs
 * in with the portal's sign-in and files a ticket with a screenshot of the page; on a page of another origin it files
 * with the host platform's token, once that origin is configured; a page of an origin that is not configured gets no
 * CORS grant and files nothing.
 */
class WidgetTest {
    private static final Pattern TICKET_NUMBER = Pattern.compile("TKT-\\d{4}-\\d+");
    /** The hash of html2canvas's inline stylesheet, which docs/widget.md asks a host's policy to allow. */
    private static final String HTML2CANVAS_STYLE = "'sha256-UP0QZg7irvSMvOBz9mH2PIIE28+57UiavRfeVea0l3g='";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    final WebWorld world = WebWorld.get();

    @Test
    void on_the_demo_page_a_customer_signs_in_and_files_a_ticket_with_a_screenshot_of_the_page() throws Exception {
        WebWorld.Tenant acme = world.tenant("widget");
        Browser browser = world.freshBrowser();
        browser.open(world.url("/widget/demo.html?tenant=" + acme.slug()));
        Widget widget = new Widget(browser);

        widget.click(".launcher");
        widget.type("#sd-email", acme.customer().email());
        widget.type("#sd-password", acme.customer().password());
        widget.click("button[type=submit]");
        widget.type("#sd-subject", "The basket total is wrong");
        widget.type("#sd-description", "Two pairs of gloves should be 19.80, the total says 44.70.");
        new Select(widget.await("#sd-priority")).selectByValue("high");
        widget.includeScreenshot();
        String pageUrl = (String) browser.script("return location.href");
        browser.screenshot(Path.of("target", "screenshots", "widget.png"));
        widget.click("button[type=submit]");
        String number = widget.awaitText("[role=status]", TICKET_NUMBER);

        JsonNode ticket = world.call(acme.agent(), "GET", "/api/v1/tickets/" + number, null);
        assertThat(ticket.get("subject").asText()).isEqualTo("The basket total is wrong");
        assertThat(ticket.get("priority").asText()).isEqualTo("high");
        assertThat(ticket.get("page_url").asText()).isEqualTo(pageUrl);
        assertThat(ticket.get("browser_info").asText()).contains("Chrome", "viewport");
        String screenshotId = ticket.get("screenshot_id").asText();
        assertThat(ticket.get("attachments").findValuesAsText("id")).contains(screenshotId);
        byte[] png = download(
                world.url("/api/v1/attachments/" + screenshotId), acme.agent().token());
        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat(png.length).as("a picture of the page, not a blank").isGreaterThan(10_000);
        assertThat(browser.policyViolations()).isEmpty();

        // Last, since axe-core copies the widget's stylesheet into an inline <style> of its own, which the policy
        // refuses.
        widget.click("button.primary");
        widget.click(".launcher");
        widget.includeScreenshot();
        assertThat(browser.accessibilityViolations())
                .as("the demo page with the dialog open")
                .isEmpty();
    }

    @Test
    void the_widget_speaks_russian_when_asked() {
        WebWorld.Tenant acme = world.tenant("widget-ru");
        Browser browser = world.freshBrowser();
        browser.open(world.url("/widget/demo.html?lang=ru&tenant=" + acme.slug()));
        Widget widget = new Widget(browser);

        widget.click(".launcher");

        assertThat(widget.await(".launcher").getText()).isEqualTo("Сообщить о проблеме");
        assertThat(widget.await("label[for=sd-email]").getText()).isEqualTo("Эл. почта");
        assertThat(widget.await("label[for=sd-password]").getText()).isEqualTo("Пароль");
        assertThat(widget.await("button[type=submit]").getText()).isEqualTo("Войти");
        widget.await("#sd-email").sendKeys(Keys.ESCAPE);
        browser.awaitScript(
                "const root = document.querySelector('supportdesk-widget').shadowRoot;"
                        + " return !root.querySelector('dialog').open && root.activeElement === root.querySelector('.launcher');");
    }

    @Test
    void a_configured_origin_files_with_the_host_platforms_token_and_another_origin_gets_no_grant() throws Exception {
        WebWorld.Tenant acme = world.tenant("widget-host");
        try (HostPlatform platform = new HostPlatform(acme);
                Supportdesk desk = world.anotherInstance(Map.of(
                        Config.JWKS_URL, platform.url("/.well-known/jwks.json"),
                        Config.WIDGET_ORIGINS, platform.origin()))) {
            String widgetScript = "http://127.0.0.1:" + desk.port() + "/widget/widget.js";
            Browser browser = world.freshBrowser();
            browser.open(platform.url("/shop.html?widget=" + widgetScript));
            Widget widget = new Widget(browser);

            widget.click(".launcher");
            widget.type("#sd-subject", "Cannot change my delivery address");
            widget.type("#sd-description", "The save button spins forever.");
            widget.includeScreenshot();
            widget.click("button[type=submit]");
            String number = widget.awaitText("[role=status]", TICKET_NUMBER);

            TestHttp api = new TestHttp(desk.port());
            JsonNode ticket =
                    api.get(acme.agent().token(), "/api/v1/tickets/" + number).json();
            assertThat(ticket.get("requester").get("name").asText()).isEqualTo("Carla Customer");
            assertThat(ticket.get("page_url").asText()).startsWith(platform.url("/shop.html"));
            assertThat(ticket.get("attachments").findValuesAsText("id"))
                    .containsExactly(ticket.get("screenshot_id").asText());
            assertThat(browser.policyViolations()).isEmpty();

            // The same page reached as http://localhost:… is another origin, which nobody configured.
            String otherOrigin = platform.origin().replace("127.0.0.1", "localhost");
            TestHttp.Response preflight = api.send(
                    null,
                    "OPTIONS",
                    "/api/v1/portal/tickets",
                    null,
                    Map.of("Origin", otherOrigin, "Access-Control-Request-Method", "POST"));
            assertThat(preflight.status()).isEqualTo(405);
            assertThat(preflight.headers()).doesNotContainKey("access-control-allow-origin");
            browser.open(otherOrigin + "/shop.html?widget=" + widgetScript);
            widget.click(".launcher");
            widget.awaitText("[role=alert]", Pattern.compile("could not be reached"));
        }
    }

    private static byte[] download(String url, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The widget's shadow root, reached the way a person would: what is shown, waited for. */
    private record Widget(Browser browser) {
        WebElement await(String css) {
            return waitFor(() -> {
                WebElement element = root().findElement(By.cssSelector(css));
                return element.isDisplayed() ? element : null;
            });
        }

        void click(String css) {
            waitFor(() -> {
                        WebElement element = await(css);
                        return element.isEnabled() ? element : null;
                    })
                    .click();
        }

        /** Ticks "include a screenshot" and waits for its preview. */
        void includeScreenshot() {
            click("#sd-screenshot");
            browser.awaitScript("return document.querySelector('supportdesk-widget').shadowRoot"
                    + ".querySelector('.preview img').naturalWidth > 300");
        }

        void type(String css, String text) {
            WebElement input = await(css);
            input.clear();
            input.sendKeys(text);
        }

        /** Waits until an element matching {@code css} shows text matching {@code pattern}; the match. */
        String awaitText(String css, Pattern pattern) {
            return waitFor(() -> {
                for (WebElement element : root().findElements(By.cssSelector(css))) {
                    Matcher match = pattern.matcher(element.getText());
                    if (match.find()) {
                        return match.group();
                    }
                }
                return null;
            });
        }

        private SearchContext root() {
            return browser.driver()
                    .findElement(By.cssSelector("supportdesk-widget"))
                    .getShadowRoot();
        }

        private <T> T waitFor(Supplier<T> found) {
            return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> found.get());
        }
    }

    /**
     * A customer's own web application on another origin: its shop page includes the widget (the script's address in
     * {@code ?widget=}) and hands it the platform's token for the signed-in customer, an RS256 JWT of a key the
     * platform publishes as its JWKS.
     */
    private static final class HostPlatform implements AutoCloseable {
        private final HttpServer server;
        private final RSAKey key;
        private final WebWorld.Tenant tenant;
        private final JWTClaimsSet customer;

        HostPlatform(WebWorld.Tenant tenant) throws Exception {
            this.tenant = tenant;
            this.customer = SignedJWT.parse(tenant.customer().token()).getJWTClaimsSet();
            this.key = new RSAKeyGenerator(2048).keyID("platform-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/.well-known/jwks.json",
                    exchange -> answer(exchange, "application/json", new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/token", exchange -> answer(exchange, "text/plain", token()));
            server.createContext(
                    "/host.js",
                    exchange -> answer(
                            exchange,
                            "text/javascript",
                            "window.acmeSupportToken = () => fetch('/token').then((answer) => answer.text());"));
            server.createContext("/shop.html", this::shop);
            server.start();
        }

        /** http://127.0.0.1:port, as the browser names this page's origin. */
        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String url(String path) {
            return origin() + path;
        }

        private void shop(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getQuery();
            String widget = query.substring(query.indexOf("widget=") + "widget=".length());
            String supportdesk = URI.create(widget).resolve("/").toString().replaceAll("/$", "");
            // The policy docs/widget.md asks a host to allow: the widget's script, styles and API calls from
            // Supportdesk, html2canvas's one inline stylesheet by its hash, the preview from blob: URLs.
            exchange.getResponseHeaders()
                    .add(
                            "Content-Security-Policy",
                            "default-src 'self'; script-src 'self' " + supportdesk + "; style-src 'self' "
                                    + supportdesk + " " + HTML2CANVAS_STYLE + "; connect-src 'self' " + supportdesk
                                    + "; img-src 'self' blob: data:");
            answer(
                    exchange,
                    "text/html; charset=utf-8",
                    """
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>Acme platform</title>
                    <script src="/host.js"></script>
                    <script src="%s" data-tenant="%s" data-token="acmeSupportToken"></script>
                    </head><body><main><h1>Your account</h1><p>Delivery address: 1 Garden Lane</p></main></body></html>
                    """
                            .formatted(widget, tenant.slug()));
        }

        private String token() {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(customer.getSubject())
                    .claim("tid", customer.getClaim("tid"))
                    .claim("role", "customer")
                    .issuer(customer.getIssuer())
                    .audience(List.copyOf(customer.getAudience()))
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .build();
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void answer(HttpExchange exchange, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
