package io.contactledger.command.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactledger.command.violations.RulesBroken;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV: UTF-8 (a byte-order mark is skipped), RFC 4180 quoting (quoted
 * separators and newlines), {@code ,} or {@code ;} separated: whichever of the two the header line
 * holds more of outside quotes. Blank lines are skipped. A file that is not UTF-8 or not CSV is a
 * 400 for the whole upload; a row of the wrong width fails on its own when run. Rows are handed on
 * as they are parsed, so the file is never held twice.
 */
final class CsvUpload {

    private static final Pattern UNCLOSED_QUOTE = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    /** A data row and its number in the file, the header being row 1 (as a spreadsheet numbers it). */
    record Row(int number, List<String> cells) {
    }

    private CsvUpload() {
    }

    /** The header's columns, checked before any row is handed to {@code rows}. */
    static ImportColumns read(byte[] body, BiConsumer<ImportColumns, Row> rows) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator(body, start)).setIgnoreEmptyLines(true).get();
        Reader reader = new InputStreamReader(new ByteArrayInputStream(body, start, body.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        ImportColumns columns = null;
        try (CSVParser parser = format.parse(reader)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (columns == null) {
                    columns = ImportColumns.of(record.toList());
                } else {
                    rows.accept(columns, new Row(number, record.toList()));
                }
            }
        } catch (CharacterCodingException e) {
            throw new RulesBroken("file", "must be UTF-8 text");
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new RulesBroken("file", "must be UTF-8 text");
            }
            throw new RulesBroken("file", "is not a CSV file this service can read: " + whyUnreadable(e));
        }
        if (columns == null) {
            throw new RulesBroken("file", "is empty: a header row is required");
        }
        return columns;
    }

    /** The parser's own reason, without the names of the classes that carried it. */
    static String whyUnreadable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        Matcher unclosed = UNCLOSED_QUOTE.matcher(message);
        if (unclosed.find()) {
            return "a quoted value that starts on line " + unclosed.group(1) + " is never closed";
        }
        return CLASS_NAME.matcher(message).replaceAll("");
    }

    /** The header line's separator: {@code ;} when it holds more semicolons than commas outside quotes. */
    static char separator(byte[] body, int start) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = start; i < body.length; i++) {
            byte c = body[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
