package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReformMappingReaderTest {

  private static MappingCsv read(String text) {
    return ReformMappingReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rows_keep_their_line_and_names_are_trimmed_and_composed() {
    String decomposed = Normalizer.normalize("Xã Trung Giã ", Normalizer.Form.NFD);
    MappingCsv csv = read("old_code,old_name,level,new_code,new_name\r\n00379,Xã Bắc Sơn,Commune,00385," + decomposed + "\r\n");

    assertEquals(List.of(new MappingRow(2, "00379", "Xã Bắc Sơn", "commune", "00385", "Xã Trung Giã")), csv.rows());
  }

  @Test
  void short_lines_and_missing_codes_are_malformed() {
    MappingCsv csv = read("old_code,old_name,level,new_code,new_name\n01,A,province,01\n,A,province,01,A\n");

    assertEquals(List.of("MALFORMED", "MALFORMED"), csv.errors().stream().map(e -> e.kind()).toList());
    assertEquals(List.of(), csv.rows());
  }

  @Test
  void a_unit_list_is_not_a_mapping() {
    MappingCsv csv = read("code,name,level,parent_code\n01,A,province,\n");

    assertEquals("BAD_HEADER", csv.errors().get(0).kind());
  }
}
