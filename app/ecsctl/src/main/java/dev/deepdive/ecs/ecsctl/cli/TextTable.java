package dev.deepdive.ecs.ecsctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by two spaces, like `docker ps`: readable, and `awk`-able. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    rows.add(headers);
  }

  TextTable row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    print(out, "");
  }

  /** Prints every line after {@code indent}, e.g. a table nested under a heading. */
  void print(PrintWriter out, String indent) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
      }
      out.println(indent + line.toString().stripTrailing());
    }
  }
}
