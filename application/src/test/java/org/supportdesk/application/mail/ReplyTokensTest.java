package org.supportdesk.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

class ReplyTokensTest {
    private final ReplyTokens tokens = ReplyTokens.derivedFrom("a secrets key of enough entropy, for tests only");
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final TicketId ticket = new TicketId(UUID.randomUUID());
    private final UserId requester = new UserId(UUID.randomUUID());

    @Test
    void aTokenNamesItsTicketForItsRecipientOnly() {
        String token = tokens.issue(tenant, ticket, requester);

        assertThat(token).hasSize(ReplyTokens.LENGTH).matches("[a-z2-7]+");
        assertThat(tokens.verify(token, tenant, requester)).contains(ticket);
        assertThat(tokens.verify(token.toUpperCase(), tenant, requester)).contains(ticket);
        assertThat(tokens.verify(token, tenant, new UserId(UUID.randomUUID()))).isEmpty();
        assertThat(tokens.verify(token, new TenantId(UUID.randomUUID()), requester))
                .isEmpty();
        assertThat(ReplyTokens.derivedFrom("another key").verify(token, tenant, requester))
                .isEmpty();
    }

    @Test
    void noAlteredOrMalformedTokenVerifies() {
        String token = tokens.issue(tenant, ticket, requester);
        Random random = new Random(20261201L);
        for (int i = 0; i < 500; i++) {
            char[] altered = token.toCharArray();
            int at = random.nextInt(altered.length);
            char replacement = "abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32));
            if (replacement == altered[at]) {
                continue;
            }
            altered[at] = replacement;
            assertThat(tokens.verify(new String(altered), tenant, requester)).isEmpty();
        }
        assertThat(tokens.verify("", tenant, requester)).isEmpty();
        assertThat(tokens.verify(token.substring(1), tenant, requester)).isEmpty();
        assertThat(tokens.verify(token + "a", tenant, requester)).isEmpty();
        assertThat(tokens.verify("1" + token.substring(1), tenant, requester)).isEmpty();
    }
}
