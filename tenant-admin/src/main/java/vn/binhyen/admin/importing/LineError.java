package vn.binhyen.admin.importing;

import java.util.Objects;

/**
 * One problem with one line of an uploaded file, in Vietnamese and English. {@code line} is the
 * 1-based physical line (the header is line 1); 0 means the whole file.
 */
public record LineError(int line, String code, String kind, String messageVi, String messageEn) {

  /** The kinds of problem a file can have; {@link LineError#kind()} holds one of these names. */
  public enum Kind {
    ENCODING, BAD_HEADER, MALFORMED, BAD_CODE, UNKNOWN_LEVEL, DUPLICATE_CODE, UNKNOWN_PARENT, CYCLE,
    LEVEL_ORDER, TOO_LARGE
  }

  public LineError {
    Kind.valueOf(Objects.requireNonNull(kind, "kind"));
    code = code == null ? "" : code;
  }

  static LineError of(int line, String code, Kind kind, String messageVi, String messageEn) {
    return new LineError(line, code, kind.name(), messageVi, messageEn);
  }

  public Kind kindEnum() {
    return Kind.valueOf(kind);
  }
}
