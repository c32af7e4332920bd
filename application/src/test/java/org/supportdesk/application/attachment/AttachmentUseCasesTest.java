package org.supportdesk.application.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.domain.attachment.AttachmentNotFound;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.attachment.UnsupportedMediaType;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.AttachmentView;
import org.supportdesk.domain.visibility.CustomerTicketView;

class AttachmentUseCasesTest extends UseCaseTest {

    private AttachmentView upload(Actor actor, String name, byte[] bytes) {
        return core.portal()
                .uploadAttachment()
                .handle(new UploadAttachment.Command(
                        actor, limit -> new IncomingFile.Received(Optional.of(name), new ByteArrayInputStream(bytes))));
    }

    private DownloadAttachment.Download download(Actor actor, AttachmentView file) {
        return core.portal().downloadAttachment().handle(new DownloadAttachment.Command(actor, file.id()));
    }

    @Test
    void an_upload_is_sniffed_named_safely_and_visible_only_to_its_uploader_until_linked() throws Exception {
        AttachmentView png = upload(acme.customerActor(), "../../shot.png", AttachmentSamples.png());

        assertThat(png.fileName().value()).isEqualTo("shot.png");
        assertThat(png.type().mediaType()).isEqualTo("image/png");
        assertThat(download(acme.customerActor(), png).content().readAllBytes()).isEqualTo(AttachmentSamples.png());
        assertThatThrownBy(() -> download(acme.asCustomer(acme.otherCustomer), png))
                .isInstanceOf(AttachmentNotFound.class);
        assertThatThrownBy(() -> download(acme.agentActor(), png)).isInstanceOf(AttachmentNotFound.class);
        assertThatThrownBy(() -> download(globex.customerActor(), png)).isInstanceOf(AttachmentNotFound.class);
    }

    @Test
    void files_off_the_allow_list_and_files_over_the_limit_leave_nothing_behind() {
        assertThatThrownBy(() -> upload(acme.customerActor(), "x.png", AttachmentSamples.html()))
                .isInstanceOf(UnsupportedMediaType.class);
        AtomicLong read = new AtomicLong();
        assertThatThrownBy(() -> core.portal()
                        .uploadAttachment()
                        .handle(new UploadAttachment.Command(
                                acme.customerActor(),
                                limit -> new IncomingFile.Received(
                                        Optional.of("huge.txt"),
                                        AttachmentSamples.generated(200L * 1024 * 1024, read)))))
                .isInstanceOf(PayloadTooLarge.class);

        assertThat(read.get()).isEqualTo(10L * 1024 * 1024 + 1);
        assertThat(core.attachmentFiles.stagedCount()).isZero();
        assertThat(core.attachmentFiles.storedOf(acme.tenant)).isEmpty();
    }

    @Test
    void a_reply_takes_only_the_actor_s_own_fresh_uploads_each_once() {
        TicketState ticket = aTicket();
        AttachmentView mine = upload(acme.customerActor(), "a.txt", AttachmentSamples.text("a\n"));
        AttachmentView someoneElses =
                upload(acme.asCustomer(acme.otherCustomer), "b.txt", AttachmentSamples.text("b\n"));

        assertThatThrownBy(() -> reply(ticket, List.of(someoneElses)))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("attachment_ids");
        assertThatThrownBy(() -> reply(ticket, List.of(mine, mine))).isInstanceOf(ValidationFailed.class);
        assertThat(reply(ticket, List.of(mine)).attachments())
                .extracting(AttachmentView::id)
                .containsExactly(mine.id());
        assertThatThrownBy(() -> reply(ticket, List.of(mine)))
                .as("linked already")
                .isInstanceOf(ValidationFailed.class);

        AttachmentView stale = upload(acme.customerActor(), "c.txt", AttachmentSamples.text("c\n"));
        core.clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> reply(ticket, List.of(stale))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void the_tenant_s_limits_apply_to_files_per_message_and_bytes_per_ticket() {
        core.admin()
                .changeSettings()
                .handle(new ChangeSettings.Command(
                        acme.adminActor(),
                        7,
                        7,
                        new ChangeSettings.Limits(Optional.of(10L), Optional.of(2), Optional.of(15L))));
        TicketState ticket = aTicket();
        AttachmentView first = upload(acme.customerActor(), "1.txt", AttachmentSamples.text("123456\n"));
        AttachmentView second = upload(acme.customerActor(), "2.txt", AttachmentSamples.text("abcdef\n"));
        AttachmentView third = upload(acme.customerActor(), "3.txt", AttachmentSamples.text("xyzxyz\n"));

        assertThatThrownBy(() -> upload(acme.customerActor(), "big.txt", AttachmentSamples.text("0123456789\n")))
                .isInstanceOf(PayloadTooLarge.class);
        assertThatThrownBy(() -> reply(ticket, List.of(first, second, third)))
                .isInstanceOf(PayloadTooLarge.class)
                .hasMessageContaining("at most 2 files");
        reply(ticket, List.of(first, second));
        assertThatThrownBy(() -> reply(ticket, List.of(third)))
                .as("7 + 7 + 7 bytes pass the ticket's 15")
                .isInstanceOf(PayloadTooLarge.class);
    }

    @Test
    void a_customer_sees_the_files_of_public_messages_and_never_an_internal_note_s() throws Exception {
        TicketState ticket = aTicket();
        AttachmentView noteFile = upload(acme.agentActor(), "plan.txt", AttachmentSamples.text("plan\n"));
        core.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        acme.agentActor(),
                        ticket.id(),
                        new Body("Internal"),
                        Via.API,
                        Optional.empty(),
                        List.of(noteFile.id())));
        AttachmentView replyFile = upload(acme.customerActor(), "mine.txt", AttachmentSamples.text("mine\n"));
        reply(ticket, List.of(replyFile));

        CustomerTicketView view =
                core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket.id()));

        assertThat(view.messages())
                .flatExtracting(m -> m.attachments())
                .extracting(AttachmentView::id)
                .containsExactly(replyFile.id());
        assertThatThrownBy(() -> download(acme.customerActor(), noteFile)).isInstanceOf(AttachmentNotFound.class);
        assertThat(download(acme.asCustomer(acme.colleague), replyFile)
                        .content()
                        .readAllBytes())
                .as("an organisation-mate reads the shared ticket's files")
                .isEqualTo(AttachmentSamples.text("mine\n"));
        assertThat(download(acme.agentActor(), noteFile).attachment().id()).isEqualTo(noteFile.id());
    }

    @Test
    void uploads_unlinked_for_a_day_are_removed_with_their_bytes_and_linked_ones_are_kept() {
        TicketState ticket = aTicket();
        AttachmentView linked = upload(acme.customerActor(), "kept.txt", AttachmentSamples.text("same bytes\n"));
        AttachmentView forgotten = upload(acme.customerActor(), "gone.txt", AttachmentSamples.text("forgotten\n"));
        AttachmentView twin = upload(acme.customerActor(), "twin.txt", AttachmentSamples.text("same bytes\n"));
        reply(ticket, List.of(linked));
        core.clock.advance(Duration.ofHours(23));
        AttachmentView recent = upload(acme.customerActor(), "recent.txt", AttachmentSamples.text("recent\n"));
        core.clock.advance(Duration.ofHours(2));

        int removed = core.useCases
                .scheduled()
                .purgeUnlinkedUploads()
                .handle(new PurgeUnlinkedUploads.Command(acme.tenant, 10));

        assertThat(removed).isEqualTo(2);
        assertThatThrownBy(() -> download(acme.customerActor(), forgotten)).isInstanceOf(AttachmentNotFound.class);
        assertThatThrownBy(() -> download(acme.customerActor(), twin)).isInstanceOf(AttachmentNotFound.class);
        assertThat(download(acme.customerActor(), linked).attachment().id())
                .as("the linked twin keeps the shared bytes")
                .isEqualTo(linked.id());
        assertThat(download(acme.customerActor(), recent).attachment().id()).isEqualTo(recent.id());
        assertThat(core.attachmentFiles.storedOf(acme.tenant))
                .containsExactlyInAnyOrder(linked.digest(), recent.digest());
        assertThat(core.useCases
                        .scheduled()
                        .purgeUnlinkedUploads()
                        .handle(new PurgeUnlinkedUploads.Command(acme.tenant, 10)))
                .isZero();
    }

    private org.supportdesk.domain.visibility.CustomerMessageView reply(
            TicketState ticket, List<AttachmentView> files) {
        return core.portal()
                .reply()
                .handle(new ReplyAsCustomer.Command(
                        acme.customerActor(),
                        ticket.id(),
                        new Body("See attached"),
                        Via.PORTAL,
                        files.stream().map(AttachmentView::id).toList()));
    }
}
