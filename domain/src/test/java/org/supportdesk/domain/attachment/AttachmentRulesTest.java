package org.supportdesk.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.TicketId;

class AttachmentRulesTest {
    private static final AttachmentLimits LIMITS = AttachmentLimits.DEFAULTS;

    @Test
    void the_defaults_are_the_spec_s() {
        assertThat(LIMITS.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(LIMITS.maxFilesPerMessage()).isEqualTo(10);
        assertThat(LIMITS.maxTicketBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void ten_files_fit_a_message_and_an_eleventh_does_not() {
        assertThatNoException().isThrownBy(() -> AttachmentQuota.requireRoom(LIMITS, 10, 0, 10));
        assertThatThrownBy(() -> AttachmentQuota.requireRoom(LIMITS, 11, 0, 11))
                .isInstanceOf(PayloadTooLarge.class)
                .hasMessageContaining("at most 10 files");
    }

    @Test
    void a_ticket_holds_its_total_and_not_a_byte_more() {
        long total = LIMITS.maxTicketBytes();
        assertThatNoException().isThrownBy(() -> AttachmentQuota.requireRoom(LIMITS, 1, total - 5, 5));
        assertThatThrownBy(() -> AttachmentQuota.requireRoom(LIMITS, 1, total - 5, 6))
                .isInstanceOf(PayloadTooLarge.class);
    }

    @Test
    void limits_must_make_sense() {
        assertThatThrownBy(() -> new AttachmentLimits(0, 10, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttachmentLimits(100, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttachmentLimits(100, 10, 99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_the_allow_list_has_a_type_and_parameters_do_not_matter() {
        assertThat(AttachmentType.ofMediaType("image/png")).contains(AttachmentType.PNG);
        assertThat(AttachmentType.ofMediaType("Text/Plain; charset=UTF-8")).contains(AttachmentType.TEXT);
        assertThat(AttachmentType.ofMediaType("image/svg+xml")).isEmpty();
        assertThat(AttachmentType.ofMediaType("text/html")).isEmpty();
        assertThat(AttachmentType.ofMediaType("application/x-msdownload")).isEmpty();
        assertThat(AttachmentType.ofMediaType("application/javascript")).isEmpty();
        assertThat(AttachmentType.values()).hasSize(15);
    }

    @Test
    void an_upload_is_linkable_by_its_uploader_for_a_day_and_only_once() {
        var person = org.supportdesk.domain.testing.Fixtures.agent(org.supportdesk.domain.testing.Fixtures.TENANT);
        TenantId tenant = person.tenant();
        UserId uploader = person.id();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Attachment upload = new Attachment(
                new AttachmentId(UUID.randomUUID()),
                tenant,
                uploader,
                FileName.sanitise("a.png"),
                AttachmentType.PNG,
                3,
                new ContentDigest("0".repeat(64)),
                at,
                Optional.empty());
        var owner = org.supportdesk.domain.testing.Fixtures.asStaff(person);

        assertThat(upload.linkableBy(owner, at.plusSeconds(60))).isTrue();
        assertThat(upload.linkableBy(owner, at.plus(Attachment.UNLINKED_RETENTION)))
                .isFalse();
        Attachment linked = upload.linkedTo(new TicketId(UUID.randomUUID()), Optional.empty(), at);
        assertThat(linked.linkableBy(owner, at)).isFalse();
        assertThat(linked.filedWithTicket()).isTrue();
        assertThatThrownBy(() -> linked.linkedTo(new TicketId(UUID.randomUUID()), Optional.empty(), at))
                .isInstanceOf(IllegalStateException.class);
    }
}
