package org.mldgbench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The two renderings of every result table: aligned plain text for the terminal (first column
 * left-aligned, the rest right-aligned) and CSV for files.
 */
final class Tables {

    private Tables() {}

    /** CSV with a header row and {@code \n} line ends. */
    static String csv(List<String> header, List<List<String>> rows) {
        var out = new java.io.StringWriter();
        try (var printer = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    static String render(List<String> header, List<List<String>> rows) {
        var all = new ArrayList<List<String>>();
        all.add(header);
        all.addAll(rows);
        int[] width = new int[header.size()];
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        var sb = new StringBuilder();
        for (int li = 0; li < all.size(); li++) {
            List<String> line = all.get(li);
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                sb.append(i == 0 ? String.format("%-" + width[i] + "s", cell) : String.format("  %" + width[i] + "s", cell));
            }
            sb.append(System.lineSeparator());
            if (li == 0) {
                sb.append("-".repeat(java.util.Arrays.stream(width).sum() + 2 * (width.length - 1))).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
