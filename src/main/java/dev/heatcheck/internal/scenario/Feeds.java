package dev.heatcheck.internal.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A feeder's CSV file (Gatling's sense): a header line naming the columns, then one row per visitor.
 * Read once, when the scenario loads, so a missing file or column is a problem at its line, not a
 * failed visitor.
 */
final class Feeds {
  /** Far more rows than any crowd has visitors; a larger file is a mistake, refused before it is read. */
  static final long MAX_BYTES = 10L << 20;

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  /** Why a feeder file cannot be used, said in a user's words; {@code column} says whether the column is at fault. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean column;

    Unusable(String message, boolean column) {
      super(message, null, false, false);
      this.column = column;
    }
  }

  private Feeds() {}

  /** The values of {@code column}, one per row, in file order. */
  static List<String> column(Path file, String shown, String column) throws Unusable {
    List<String[]> rows = rows(file, shown);
    if (rows.isEmpty()) {
      throw new Unusable(shown + " is empty; it needs a header line and a row per visitor", false);
    }
    // a byte order mark, as spreadsheet programs write, is no part of the first column's name
    List<String> header =
        Arrays.stream(rows.get(0)).map(c -> c.replace("\uFEFF", "").strip()).toList();
    int index = header.indexOf(column);
    if (index < 0) {
      throw new Unusable(
          Node.Scalar.quoted(column) + " is not a column of " + shown + "; its columns: "
              + String.join(", ", header),
          true);
    }
    if (rows.size() == 1) {
      throw new Unusable(shown + " has no rows under its header line", false);
    }
    List<String> values = new ArrayList<>();
    for (int row = 1; row < rows.size(); row++) {
      String[] cells = rows.get(row);
      if (cells.length != header.size()) {
        throw new Unusable(
            shown + ": row " + row + " has " + cells.length + " value(s), the header "
                + header.size(),
            false);
      }
      values.add(cells[index]);
    }
    return values;
  }

  private static List<String[]> rows(Path file, String shown) throws Unusable {
    try {
      if (Files.isDirectory(file)) {
        throw new Unusable(shown + " is a folder, not a CSV file", false);
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new Unusable(shown + " is over " + (MAX_BYTES >> 20) + " MB", false);
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(reader)) {
        return it.readAll();
      }
    } catch (NoSuchFileException e) {
      throw new Unusable(shown + " not found (looked for " + file.toAbsolutePath() + ")", false);
    } catch (CharacterCodingException e) {
      throw new Unusable(shown + " is not UTF-8 text", false);
    } catch (JsonProcessingException e) {
      throw new Unusable(
          shown + " is not CSV"
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
              + ": " + e.getOriginalMessage(),
          false);
    } catch (IOException e) {
      throw new Unusable(shown + " cannot be read: " + e.getMessage(), false);
    }
  }
}
