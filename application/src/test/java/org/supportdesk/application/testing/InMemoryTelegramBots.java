package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** The Telegram channel's records of every tenant in maps. */
public final class InMemoryTelegramBots implements TelegramBots, Snapshotting {
    private record ChatKey(TenantId tenant, long chatId) {}

    private record Link(TenantId tenant, TicketId ticket, long chatId) {}

    private record State(
            Map<TenantId, TelegramBot> bots,
            Map<ChatKey, TelegramChat> chats,
            List<Link> links,
            Map<MessageId, Long> messages,
            Set<String> updates) {
        State copy() {
            return new State(
                    new HashMap<>(bots),
                    new HashMap<>(chats),
                    new ArrayList<>(links),
                    new HashMap<>(messages),
                    new HashSet<>(updates));
        }
    }

    private final TenantBinding binding;
    private State state =
            new State(new HashMap<>(), new HashMap<>(), new ArrayList<>(), new HashMap<>(), new HashSet<>());

    public InMemoryTelegramBots(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized Optional<TelegramBot> bot(TenantId tenant) {
        binding.require(tenant);
        return Optional.ofNullable(state.bots().get(tenant));
    }

    @Override
    public synchronized void saveBot(TelegramBot bot) {
        binding.require(bot.tenant());
        state.bots().put(bot.tenant(), bot);
    }

    @Override
    public synchronized boolean removeBot(TenantId tenant) {
        binding.require(tenant);
        return state.bots().remove(tenant) != null;
    }

    @Override
    public synchronized Optional<TelegramChat> chat(TenantId tenant, long chatId) {
        binding.require(tenant);
        return Optional.ofNullable(state.chats().get(new ChatKey(tenant, chatId)));
    }

    @Override
    public synchronized void addChat(TelegramChat chat) {
        binding.require(chat.tenant());
        if (state.chats().putIfAbsent(new ChatKey(chat.tenant(), chat.chatId()), chat) != null) {
            throw new IllegalStateException("already known: chat " + chat.chatId());
        }
    }

    @Override
    public synchronized Optional<TicketId> latestTicket(TenantId tenant, long chatId) {
        binding.require(tenant);
        Optional<TicketId> latest = Optional.empty();
        for (Link link : state.links()) {
            if (link.tenant().equals(tenant) && link.chatId() == chatId) {
                latest = Optional.of(link.ticket());
            }
        }
        return latest;
    }

    @Override
    public synchronized Optional<Long> chatOf(TenantId tenant, TicketId ticket) {
        binding.require(tenant);
        return state.links().stream()
                .filter(link -> link.tenant().equals(tenant) && link.ticket().equals(ticket))
                .map(Link::chatId)
                .findFirst();
    }

    @Override
    public synchronized void linkTicket(
            TenantId tenant, TicketId ticket, long chatId, long telegramMessageId, Instant at) {
        binding.require(tenant);
        state.links().add(new Link(tenant, ticket, chatId));
    }

    @Override
    public synchronized void linkMessage(TenantId tenant, MessageId message, long chatId, long telegramMessageId) {
        binding.require(tenant);
        state.messages().put(message, telegramMessageId);
    }

    @Override
    public synchronized boolean takeUpdate(TenantId tenant, long updateId, Instant at) {
        binding.require(tenant);
        return state.updates().add(tenant.value() + ":" + updateId);
    }

    @Override
    public synchronized Object snapshot() {
        return state.copy();
    }

    @Override
    public synchronized void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
