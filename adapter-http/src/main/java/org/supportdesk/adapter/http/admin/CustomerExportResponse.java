package org.supportdesk.adapter.http.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.adapter.http.portal.PortalCallResponse;
import org.supportdesk.adapter.http.portal.PortalNotificationResponse;
import org.supportdesk.adapter.http.portal.PortalTicketResponse;
import org.supportdesk.application.admin.ExportCustomerData;

/**
 * {@code GET /customers/{id}/export}: everything the tenant holds about a customer, each part in the shape the
 * customer's own portal gives it (tickets with their conversation, files and feedback; calls; notifications), so the
 * copy a person receives reads like what they already know.
 */
public record CustomerExportResponse(
        Instant exportedAt,
        PersonResponse person,
        Optional<OrganizationResponse> organization,
        List<PortalTicketResponse> tickets,
        List<PortalCallResponse> calls,
        List<PortalNotificationResponse> notifications) {

    static CustomerExportResponse of(ExportCustomerData.Export export) {
        return new CustomerExportResponse(
                export.exportedAt(),
                PersonResponse.of(export.person()),
                export.organization().map(OrganizationResponse::of),
                export.tickets().stream()
                        .map(t -> PortalTicketResponse.of(t, true))
                        .toList(),
                export.calls().stream().map(PortalCallResponse::of).toList(),
                export.notifications().stream()
                        .map(PortalNotificationResponse::of)
                        .toList());
    }
}
