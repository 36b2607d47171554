package vn.binhyen.admin.importing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a UTF-8 CSV (RFC 4180 quoting, optional BOM, LF or CRLF) into records of trimmed fields,
 * checking the header. Undecodable lines and broken quoting become {@link LineError}s, never
 * exceptions, so one upload yields one complete report.
 */
public final class CsvSource {

  /** One logical record: its first physical line and its fields, trimmed. */
  public record Record(int line, List<String> fields) {
    public Record {
      fields = List.copyOf(fields);
    }

    public String field(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }
  }

  /** The records read (header excluded), the problems found, and whether reading stopped early. */
  public record Parsed(List<Record> records, List<LineError> errors, boolean truncated) {
    public Parsed {
      records = List.copyOf(records);
      errors = List.copyOf(errors);
    }
  }

  private static final char BOM = '\uFEFF';
  private static final char REPLACEMENT = '\uFFFD';

  private CsvSource() {
  }

  /**
   * Reads UTF-8 bytes. Stops after {@code maxRecords + 1} records (so a caller can tell "too large")
   * and marks the result truncated.
   */
  public static Parsed read(InputStream in, List<String> header, int maxRecords) {
    var parser = new Parser(header, maxRecords);
    var line = new ByteArrayOutputStream(128);
    in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
    try {
      int lineNo = 0;
      int b;
      boolean pending = false;
      while (!parser.full() && (b = in.read()) != -1) {
        pending = true;
        if (b == '\n') {
          parser.accept(++lineNo, decode(line.toByteArray()));
          line.reset();
          pending = false;
        } else {
          line.write(b);
        }
      }
      if (pending && !parser.full()) {
        parser.accept(++lineNo, decode(line.toByteArray()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parser.finish();
  }

  /**
   * Reads already decoded text. A decoder upstream turns invalid UTF-8 into U+FFFD, so a line
   * holding U+FFFD is reported as badly encoded.
   */
  public static Parsed read(Reader in, List<String> header, int maxRecords) {
    var parser = new Parser(header, maxRecords);
    var line = new StringBuilder(128);
    in = in instanceof BufferedReader ? in : new BufferedReader(in);
    try {
      int lineNo = 0;
      int c;
      boolean pending = false;
      while (!parser.full() && (c = in.read()) != -1) {
        pending = true;
        if (c == '\n') {
          parser.accept(++lineNo, line.indexOf(String.valueOf(REPLACEMENT)) >= 0 ? null : line.toString());
          line.setLength(0);
          pending = false;
        } else {
          line.append((char) c);
        }
      }
      if (pending && !parser.full()) {
        parser.accept(++lineNo, line.indexOf(String.valueOf(REPLACEMENT)) >= 0 ? null : line.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parser.finish();
  }

  /** NFC and trimmed, the form every name is compared and stored in. */
  public static String nfc(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
  }

  /** Null when the bytes are not valid UTF-8. */
  private static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Joins physical lines into records (a quoted field may span lines) and splits fields. */
  private static final class Parser {
    private final List<String> header;
    private final int maxRecords;
    private final List<Record> records = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();
    private boolean headerSeen;
    private boolean headerOk = true;
    private StringBuilder open;
    private int openLine;

    Parser(List<String> header, int maxRecords) {
      this.header = header;
      this.maxRecords = maxRecords;
    }

    boolean full() {
      return records.size() > maxRecords || !headerOk;
    }

    /** {@code text} is one physical line without its LF, or null when it could not be decoded. */
    void accept(int lineNo, String text) {
      if (text == null) {
        errors.add(LineError.of(lineNo, "", LineError.Kind.ENCODING,
            "Dòng không phải UTF-8 hợp lệ", "Line is not valid UTF-8"));
        open = null;
        if (!headerSeen) {
          headerSeen = true;
          headerOk = false;
        }
        return;
      }
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (lineNo == 1 && !text.isEmpty() && text.charAt(0) == BOM) {
        text = text.substring(1);
      }
      if (open != null) {
        open.append('\n').append(text);
        text = open.toString();
        lineNo = openLine;
        open = null;
      } else if (text.isBlank()) {
        return;
      }
      List<String> fields = split(text);
      if (fields == null) {
        open = new StringBuilder(text);
        openLine = lineNo;
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        checkHeader(lineNo, fields);
        return;
      }
      records.add(new Record(lineNo, fields));
    }

    private void checkHeader(int lineNo, List<String> fields) {
      List<String> got = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
      if (!got.equals(header)) {
        headerOk = false;
        errors.add(LineError.of(lineNo, "", LineError.Kind.BAD_HEADER,
            "Dòng tiêu đề phải là " + String.join(",", header) + ", nhận được " + String.join(",", fields),
            "Header must be " + String.join(",", header) + ", got " + String.join(",", fields)));
      }
    }

    Parsed finish() {
      if (open != null) {
        errors.add(LineError.of(openLine, "", LineError.Kind.MALFORMED,
            "Dấu ngoặc kép không được đóng", "Unterminated quoted field"));
      }
      if (!headerSeen) {
        errors.add(LineError.of(0, "", LineError.Kind.BAD_HEADER,
            "Tệp trống, thiếu dòng tiêu đề", "Empty file, no header line"));
      }
      return new Parsed(records, errors, records.size() > maxRecords);
    }

    /** Fields trimmed; null when a quoted field is still open at the end of {@code text}. */
    private static List<String> split(String text) {
      List<String> fields = new ArrayList<>(4);
      var field = new StringBuilder();
      int i = 0;
      int n = text.length();
      while (true) {
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
        if (i < n && text.charAt(i) == '"') {
          i++;
          boolean closed = false;
          while (i < n) {
            char c = text.charAt(i++);
            if (c == '"') {
              if (i < n && text.charAt(i) == '"') {
                field.append('"');
                i++;
              } else {
                closed = true;
                break;
              }
            } else {
              field.append(c);
            }
          }
          if (!closed) {
            return null;
          }
          // Whatever follows the closing quote up to the comma is kept, as lenient readers do.
          while (i < n && text.charAt(i) != ',') {
            field.append(text.charAt(i++));
          }
        } else {
          while (i < n && text.charAt(i) != ',') {
            field.append(text.charAt(i++));
          }
        }
        fields.add(field.toString().strip());
        field.setLength(0);
        if (i >= n) {
          return fields;
        }
        i++; // the comma
      }
    }
  }
}
