package io.millrace.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void padsColumnsToTheWidestCellAndLeavesNoTrailingBlanks() {
        String rendered = new Table("ID", "STATE", "NAME")
                .row("a", "RUNNING", "word-count")
                .row("long-id-1", null, "x")
                .render();
        assertThat(rendered).isEqualTo("""
                ID         STATE    NAME
                a          RUNNING  word-count
                long-id-1  -        x
                """);
        assertThat(rendered.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void blankAndMultiLineCellsStayOnOneAlignedLine() {
        String rendered = new Table("A", "B").row("", "two\nlines").row(3, "\t").render();
        assertThat(rendered).isEqualTo("""
                A  B
                -  two lines
                3  -
                """);
    }

    @Test
    void anEmptyTableIsJustItsHeader() {
        Table table = new Table("ID", "NAME");
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.render()).isEqualTo("ID  NAME\n");
    }

    @Test
    void aRowOfTheWrongWidthIsABug() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, table has 2");
    }
}
