package org.supportdesk.adapter.http.desk;

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
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.visibility.AttachmentView;

/** Staff upload files for their messages and filings, and download any attachment of the tenant's tickets (§6, §10). */
public final class AttachmentEndpoints implements Endpoints {
    private final UseCases.Desk useCases;
    private final IdempotentCreation creation;

    public AttachmentEndpoints(UseCases.Desk useCases, IdempotentCreation creation) {
        this.useCases = useCases;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/attachments", this::upload, AccessRole.STAFF);
        routes.get("/api/v1/attachments/{id}", this::download, AccessRole.STAFF);
    }

    void upload(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        AttachmentView uploaded =
                useCases.uploadAttachment().handle(new UploadAttachment.Command(staff, new MultipartUpload(ctx)));
        creation.respond(
                ctx,
                staff,
                AttachmentTransfer.fingerprint(uploaded),
                () -> AttachmentTransfer.AttachmentResponse.of(uploaded));
    }

    void download(Context ctx) {
        AttachmentTransfer.serve(
                ctx,
                useCases.downloadAttachment()
                        .handle(new DownloadAttachment.Command(
                                Authenticator.staff(ctx), AttachmentTransfer.pathId(ctx))));
    }
}
