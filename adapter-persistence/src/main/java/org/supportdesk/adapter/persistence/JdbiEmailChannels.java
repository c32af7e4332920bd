package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.tenant.TenantId;

/** The tenants' email channels in PostgreSQL (see {@link EmailChannelDao}). */
public final class JdbiEmailChannels implements EmailChannels {
    private final TenantScope scope;

    JdbiEmailChannels(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<EmailChannel> find(TenantId tenant) {
        return dao(tenant).find(tenant.value()).map(EmailChannelRow::toDomain);
    }

    @Override
    public void save(EmailChannel channel) {
        dao(channel.tenant()).save(EmailChannelRow.from(channel));
    }

    @Override
    public boolean delete(TenantId tenant) {
        return dao(tenant).delete(tenant.value()) > 0;
    }

    private EmailChannelDao dao(TenantId tenant) {
        return scope.dao(tenant, EmailChannelDao.class);
    }
}
