package org.supportdesk.adapter.http.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OWASP's CSV-injection rule, cell by cell: what would start a formula gets a leading quote, nothing else changes. */
class TicketCsvTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=SUM(A1:A9)|'=SUM(A1:A9)",
                "+1 555 0100|'+1 555 0100",
                "-2+3|'-2+3",
                "@SUM(A1)|'@SUM(A1)",
                "Printer on fire|Printer on fire",
                "a=b|a=b",
                "'already quoted|'already quoted",
                "2026-03-02T09:00:00Z|2026-03-02T09:00:00Z",
                "\"\"|\"\""
            })
    void a_cell_that_would_start_a_formula_is_quoted(String cell, String written) {
        assertThat(TicketCsv.neutralised(cell)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"\t=1+1", "\r=1+1"},
            ignoreLeadingAndTrailingWhitespace = false)
    void a_tab_or_carriage_return_first_is_quoted_too(String cell) {
        assertThat(TicketCsv.neutralised(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"''"},
            quoteCharacter = '\'')
    void an_empty_cell_stays_empty(String cell) {
        assertThat(TicketCsv.neutralised(cell == null ? "" : cell)).isEmpty();
    }
}
