package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitCsvReaderTest {

  @Test
  void bom_crlf_quoted_commas_and_trailing_spaces_are_tolerated() {
    String text = "\uFEFFcode,name,level,parent_code\r\n"
        + "01,\"Thành phố Hà Nội, Thủ đô\" ,province,  \r\n"
        + "00001,Phường Phúc Xá   ,ward,01\r\n";
    UnitCsv csv = UnitCsvReader.read(Csv.bytes(text));

    assertEquals(List.of(), csv.errors());
    assertEquals(List.of(
        new UnitRow(2, "01", "Thành phố Hà Nội, Thủ đô", UnitLevel.PROVINCE, null),
        new UnitRow(3, "00001", "Phường Phúc Xá", UnitLevel.COMMUNE, "01")), csv.rows());
  }

  @Test
  void decomposed_names_are_stored_composed() {
    String decomposed = Normalizer.normalize("Xã Hòa Phú", Normalizer.Form.NFD);
    UnitCsv csv = Csv.units("01,Tỉnh A,province,\n00002," + decomposed + ",commune,01\n");

    assertEquals("Xã Hòa Phú", csv.rows().get(1).name());
    assertTrue(Normalizer.isNormalized(csv.rows().get(1).name(), Normalizer.Form.NFC));
  }

  @Test
  void escaped_quotes_and_a_quoted_line_break_stay_in_the_field() {
    UnitCsv csv = Csv.units("01,\"Tỉnh \"\"A\"\"\nmới\",province,\n02,Tỉnh B,province,\n");

    assertEquals(List.of(), csv.errors());
    assertEquals("Tỉnh \"A\"\nmới", csv.rows().get(0).name());
    assertEquals(4, csv.rows().get(1).line());
  }

  @Test
  void invalid_utf8_is_a_line_error_and_other_lines_are_still_read() throws Exception {
    var out = new ByteArrayOutputStream();
    out.write(Csv.HEADER.getBytes(StandardCharsets.UTF_8));
    out.write("01,Tỉnh A,province,\n".getBytes(StandardCharsets.UTF_8));
    out.write(new byte[] {'0', '2', ',', (byte) 0xC3, (byte) 0x28, ',', 'p', '\n'});
    out.write("03,Tỉnh C,province,\n".getBytes(StandardCharsets.UTF_8));

    UnitCsv csv = UnitCsvReader.read(new ByteArrayInputStream(out.toByteArray()));

    assertEquals(1, csv.errors().size());
    assertEquals(new LineError(3, "", "ENCODING", "Dòng không phải UTF-8 hợp lệ", "Line is not valid UTF-8"),
        csv.errors().get(0));
    assertEquals(List.of("01", "03"), csv.rows().stream().map(UnitRow::code).toList());
  }

  @Test
  void replacement_character_from_a_reader_is_an_encoding_error() {
    UnitCsv csv = UnitCsvReader.read(new StringReader(Csv.HEADER + "01,T\uFFFDnh A,province,\n"));

    assertEquals(LineError.Kind.ENCODING, csv.errors().get(0).kindEnum());
    assertTrue(csv.rows().isEmpty());
  }

  @Test
  void wrong_header_refuses_the_file_without_reading_rows() {
    UnitCsv csv = UnitCsvReader.read(Csv.bytes("ma,ten,cap,cha\n01,Tỉnh A,province,\n"));

    assertEquals(LineError.Kind.BAD_HEADER, csv.errors().get(0).kindEnum());
    assertEquals(1, csv.errors().get(0).line());
    assertTrue(csv.rows().isEmpty());
  }

  @Test
  void empty_file_is_reported_as_missing_header() {
    UnitCsv csv = UnitCsvReader.read(Csv.bytes(""));

    assertEquals(LineError.Kind.BAD_HEADER, csv.errors().get(0).kindEnum());
  }

  @Test
  void wrong_column_count_is_malformed_and_names_the_code() {
    UnitCsv csv = Csv.units("01,Tỉnh A,province\n02,Tỉnh B,province,,x\n");

    assertEquals(List.of("MALFORMED", "MALFORMED"), csv.errors().stream().map(LineError::kind).toList());
    assertEquals("01", csv.errors().get(0).code());
    assertEquals(3, csv.errors().get(1).line());
  }

  @Test
  void unterminated_quote_is_malformed() {
    UnitCsv csv = Csv.units("01,\"Tỉnh A,province,\n");

    assertEquals(LineError.Kind.MALFORMED, csv.errors().get(0).kindEnum());
    assertEquals(2, csv.errors().get(0).line());
  }

  @Test
  void unknown_level_is_reported_and_ward_means_commune() {
    UnitCsv csv = Csv.units("01,Tỉnh A,state,\n00001,Phường B,Ward,01\n");

    assertEquals(LineError.Kind.UNKNOWN_LEVEL, csv.errors().get(0).kindEnum());
    assertEquals(UnitLevel.COMMUNE, csv.rows().get(0).level());
  }

  @Test
  void blank_lines_are_skipped_and_empty_parent_is_null() {
    UnitCsv csv = Csv.units("\n01,Tỉnh A,province,\n\n");

    assertEquals(List.of(), csv.errors());
    assertNull(csv.rows().get(0).parentCode());
    assertFalse(csv.truncated());
  }

  @Test
  void reference_lists_read_cleanly_with_their_level_counts() {
    assertEquals(Map.of(UnitLevel.PROVINCE, 34L, UnitLevel.COMMUNE, 3321L), levels(Csv.realUnits("units-2025.csv")));
    assertEquals(Map.of(UnitLevel.PROVINCE, 63L, UnitLevel.DISTRICT, 696L, UnitLevel.COMMUNE, 10035L),
        levels(Csv.realUnits("units-pre2025.csv")));
  }

  private static Map<UnitLevel, Long> levels(UnitCsv csv) {
    assertEquals(List.of(), csv.errors());
    return csv.rows().stream().collect(Collectors.groupingBy(UnitRow::level, Collectors.counting()));
  }
}
