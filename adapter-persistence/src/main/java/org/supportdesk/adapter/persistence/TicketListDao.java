package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * Runs the ticket list statement. Its text is the one piece of SQL in this module assembled at run time, from fixed
 * fragments by {@link TicketListSql} (docs/adr/0005-one-persistence-idiom.md says why it is not written here).
 */
interface TicketListDao {
    @SqlQuery("<statement>")
    @UseRowMapper(ListedTicketRow.Mapper.class)
    List<ListedTicketRow> list(@Define("statement") String statement, @BindMap Map<String, Object> bindings);
}
