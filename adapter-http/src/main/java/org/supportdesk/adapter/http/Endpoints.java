package org.supportdesk.adapter.http;

import io.javalin.config.RoutesConfig;

/** One audience's routes (portal, desk, admin, auth), each declaring the {@code AccessRole} it is for. */
public interface Endpoints {
    void register(RoutesConfig routes);
}
