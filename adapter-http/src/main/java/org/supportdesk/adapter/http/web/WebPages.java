package org.supportdesk.adapter.http.web;

import io.javalin.config.StaticFilesConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Set;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.adapter.http.auth.AccessRole;

/**
 * The web pages (§15, docs/adr/0018-web-pages.md): static files from the classpath's {@code /web} folder, the customer
 * portal at {@code /}, the agent console at {@code /desk/} and the embeddable widget under {@code /widget/}, all of
 * them modules over the REST API, and the WebJars' files under {@code /webjars/}. No page runs a script that this
 * server does not serve as a file ({@link HttpServer#CONTENT_SECURITY_POLICY}).
 */
public final class WebPages {
    private WebPages() {}

    /** Serves the pages' files to anyone: the pages sign in through the API, which checks every call. */
    public static void serve(StaticFilesConfig files) {
        files.add(config -> {
            config.hostedPath = "/";
            config.directory = "/web";
            config.location = Location.CLASSPATH;
            config.roles = Set.of(AccessRole.ANYONE);
            // A page checks with the server before it reuses a file, so a new release is seen at once.
            config.headers = Map.of("Cache-Control", "no-cache");
        });
        // Third-party page code from the WebJars on the class path (uPlot for the stats charts), under the same
        // policy as every answer. As Javalin's enableWebjars(), which declares no role, and every route declares one.
        files.add(config -> {
            config.hostedPath = "/webjars";
            config.directory = "META-INF/resources/webjars";
            config.location = Location.CLASSPATH;
            config.roles = Set.of(AccessRole.ANYONE);
            // The version is in the path, so a file there never changes.
            config.headers = Map.of("Cache-Control", "max-age=31622400");
        });
    }
}
