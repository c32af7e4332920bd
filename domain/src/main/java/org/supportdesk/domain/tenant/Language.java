package org.supportdesk.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** The language a person reads the mail we send them in: English (the default) or Russian. */
public enum Language {
    EN,
    RU;

    /** What a person reads when nobody said otherwise. */
    public static final Language DEFAULT = EN;

    /** The language's name in JSON and storage: {@code en} or {@code ru}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language with that wire name; empty for anything else. */
    public static Optional<Language> parse(String raw) {
        for (Language language : values()) {
            if (language.wireName().equals(raw)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
