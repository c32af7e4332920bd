package org.supportdesk.adapter.http.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.supportdesk.adapter.http.AttachmentTransfer;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.MultipartUpload;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.attachment.DownloadAttachment;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * Customers upload files to attach to a filing or reply, and download the files of what they may see (§6, §9): their
 * own uploads, the files filed with their tickets and those of public messages; anything else is 404.
 */
public final class PortalAttachmentEndpoints implements Endpoints {
    private final UseCases.Portal useCases;
    private final IdempotentCreation creation;

    public PortalAttachmentEndpoints(UseCases.Portal useCases, IdempotentCreation creation) {
        this.useCases = useCases;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/portal/attachments", this::upload, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/attachments/{id}", this::download, AccessRole.CUSTOMER);
    }

    void upload(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        AttachmentView uploaded =
                useCases.uploadAttachment().handle(new UploadAttachment.Command(customer, new MultipartUpload(ctx)));
        creation.respond(
                ctx,
                customer,
                AttachmentTransfer.fingerprint(uploaded),
                () -> AttachmentTransfer.AttachmentResponse.of(uploaded));
    }

    void download(Context ctx) {
        AttachmentTransfer.serve(
                ctx,
                useCases.downloadAttachment()
                        .handle(new DownloadAttachment.Command(
                                Authenticator.customer(ctx), AttachmentTransfer.pathId(ctx))));
    }
}
