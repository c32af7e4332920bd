package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.Snippet;

/**
 * The rows of the knowledge base's lists: each carries the exact number of matches, and an empty page still answers
 * one row, with the total and no article, which is why they are mapped by hand.
 */
public final class ArticleRows {
    private ArticleRows() {}

    /** A row of the staff's list: the total and, unless the page is empty, one article. */
    public record Listed(long total, Optional<ArticleRow> article) {}

    /** A row of a customers' search: the total and, unless the page is empty, one hit. */
    public record Hit(long total, Optional<ArticleHit> hit) {}

    /** Maps {@link Listed} rows. */
    public static final class ListedMapper implements RowMapper<Listed> {
        @Override
        public RowMapper<Listed> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            RowMapper<ArticleRow> articles =
                    ConstructorMapper.of(ArticleRow.class).specialize(rs, ctx);
            return (row, context) -> new Listed(
                    row.getLong("total"),
                    row.getObject("id") == null ? Optional.empty() : Optional.of(articles.map(row, context)));
        }

        @Override
        public Listed map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }

    /**
     * Maps {@link Hit} rows: the {@code headline} PostgreSQL marked with {@link Snippet#MATCH_START} and {@link
     * Snippet#MATCH_END} becomes the snippet; a headline without a match (the body did not match) gives way to the
     * opening of the body, as the port promises.
     */
    public static final class HitMapper implements RowMapper<Hit> {
        @Override
        public Hit map(ResultSet rs, StatementContext ctx) throws SQLException {
            long total = rs.getLong("total");
            UUID id = rs.getObject("id", UUID.class);
            if (id == null) {
                return new Hit(total, Optional.empty());
            }
            String headline = rs.getString("headline");
            Snippet snippet = headline != null && headline.indexOf(Snippet.MATCH_START) >= 0
                    ? Snippet.fromMarked(headline)
                    : Snippet.opening(rs.getString("opening"));
            return new Hit(
                    total,
                    Optional.of(new ArticleHit(
                            new ArticleId(id),
                            new ArticleTitle(rs.getString("title")),
                            snippet,
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant())));
        }
    }
}
