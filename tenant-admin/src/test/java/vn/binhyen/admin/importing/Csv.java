package vn.binhyen.admin.importing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test helpers: inline CSV text and the reference files on the classpath. */
final class Csv {
  static final String HEADER = "code,name,level,parent_code\n";

  private Csv() {
  }

  static UnitCsv units(String body) {
    return UnitCsvReader.read(bytes(HEADER + body));
  }

  static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static InputStream resource(String path) {
    InputStream in = Csv.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is not on the classpath");
    }
    return in;
  }

  static UnitCsv realUnits(String file) {
    return UnitCsvReader.read(resource("/data/" + file));
  }
}
