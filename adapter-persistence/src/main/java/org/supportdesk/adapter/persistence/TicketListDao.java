package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * Runs the ticket list statement, and the stats and export statements built from the same filter. Their text is the one piece of SQL in this module assembled at run time, from fixed
 * fragments by {@link TicketListSql} (docs/adr/0005-one-persistence-idiom.md says why it is not written here).
 */
interface TicketListDao {
    @SqlQuery("<statement>")
    @UseRowMapper(ListedTicketRow.Mapper.class)
    List<ListedTicketRow> list(@Define("statement") String statement, @BindMap Map<String, Object> bindings);

    @SqlQuery("<statement>")
    @UseRowMapper(TicketStatsRow.Mapper.class)
    TicketStatsRow stats(@Define("statement") String statement, @BindMap Map<String, Object> bindings);

    /**
     * Lazily: the rows are read from the open cursor as the caller iterates, {@value #EXPORT_BATCH} at a time, and the
     * statement closes with the iterable.
     */
    @SqlQuery("<statement>")
    @UseRowMapper(ExportedTicketRow.Mapper.class)
    @FetchSize(EXPORT_BATCH)
    ResultIterable<ExportedTicketRow> export(
            @Define("statement") String statement, @BindMap Map<String, Object> bindings);

    int EXPORT_BATCH = 500;
}
