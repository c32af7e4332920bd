package org.supportdesk.adapter.http.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.adapter.http.FuzzInputs.utf16;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * S15, the export's cells: any text a ticket field can hold through {@link TicketCsv}, read back by an RFC 4180 parser.
 * Cells are separated in the input by U+FFFF, a noncharacter no field holds.
 */
class TicketCsvFuzzTest {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** One record comes back with every cell as written, and no cell a spreadsheet would run as a formula. */
    @FuzzTest(maxDuration = "10m")
    void any_cells_read_back_as_one_record_that_runs_no_formula(byte[] input) throws IOException {
        List<String> cells = Arrays.asList(utf16(input).split("\uFFFF", -1));
        StringWriter out = new StringWriter();
        TicketCsv csv = TicketCsv.start(out);
        csv.writeCells(cells);
        csv.finish();

        assertThat(out.toString()).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180
                .parse(new StringReader(out.toString().substring(1)))
                .getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList()).isEqualTo(TicketCsv.COLUMNS);
        List<String> written = records.get(1).toList();
        assertThat(written).hasSameSizeAs(cells);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            assertThat(written.get(i)).isIn(cell, "'" + cell);
            if (!written.get(i).isEmpty()) {
                assertThat(FORMULA_STARTS.indexOf(written.get(i).charAt(0))).isNegative();
            }
        }
    }
}
