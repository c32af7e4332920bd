package org.supportdesk.adapter.http.admin;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.adapter.http.portal.PortalCallResponse;
import org.supportdesk.adapter.http.portal.PortalNotificationResponse;
import org.supportdesk.adapter.http.portal.PortalTicketResponse;
import org.supportdesk.application.admin.ExportCustomerData;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * {@code GET /customers/{id}/export}, written to the response as the export reads it: {@code exported_at}, the
 * {@code person} and their {@code organization}, then the arrays {@code tickets}, {@code calls} and {@code
 * notifications}, each part in the shape the customer's own portal gives it (tickets with their conversation, files and
 * feedback), so the copy a person receives reads like what they already know. Nothing is held but the item being
 * written. The status and headers go out with the first bytes, after every refusal (not an admin, not a customer) had
 * its chance to answer a problem instead.
 */
final class CustomerExportJson implements ExportCustomerData.Sink {
    /** The arrays, in the order the export fills them; every one is written, empty or not. */
    private static final List<String> PARTS = List.of("tickets", "calls", "notifications");

    private final Context ctx;
    private final ObjectMapper json;
    private JsonGenerator out;
    private int part = -1;

    CustomerExportJson(Context ctx, ObjectMapper json) {
        this.ctx = ctx;
        this.json = json;
    }

    @Override
    public void begin(Instant asOf, Person person, Optional<Organization> organization) {
        ctx.status(200);
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "no-store");
        try {
            out = json.getFactory().createGenerator(ctx.outputStream(), JsonEncoding.UTF8);
            out.writeStartObject();
            out.writeObjectField("exported_at", asOf);
            out.writeObjectField("person", PersonResponse.of(person));
            out.writeObjectField(
                    "organization", organization.map(OrganizationResponse::of).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void ticket(CustomerTicketView ticket) {
        write(0, PortalTicketResponse.of(ticket, true));
    }

    @Override
    public void call(CustomerCallView call) {
        write(1, PortalCallResponse.of(call));
    }

    @Override
    public void notification(Notification notification) {
        write(2, PortalNotificationResponse.of(notification));
    }

    /** Ends the last array and the object; the export has handed over everything. */
    void finish() {
        try {
            enter(PARTS.size());
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(int itsPart, Object item) {
        try {
            enter(itsPart);
            out.writeObject(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the array being written and opens every one up to {@code next}, empty ones included. */
    private void enter(int next) throws IOException {
        while (part < next) {
            if (part >= 0) {
                out.writeEndArray();
            }
            part++;
            if (part < PARTS.size()) {
                out.writeArrayFieldStart(PARTS.get(part));
            }
        }
    }
}
