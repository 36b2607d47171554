package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, tactic 3, with the model of the real structure (impostor/police-bodies.tsv and
 * police-body-kinds.tsv, from the ministry's published structure and press reports, not from the
 * corpus): real bodies, by full name, short name or code, are never invented; bodies of a kind that
 * does not exist at the level named, or not among the real ones of a listed kind, are — in NFC, NFD,
 * unaccented, styled and dotted form.
 */
class PoliceStructureTest {

    private static final ImpostorScorer SCORER = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
    private static final String LINK = "facebook.com/trang-chua-dang-ky";

    static Stream<Arguments> realBodies() {
        return forms(List.of("Cục Cảnh sát hình sự", "Cục Cảnh sát hình sự - Bộ Công an", "Cục CSHS", "Cục CSHS Bộ Công an",
                "C02 Bộ Công an", "Cục C02 Bộ Công an", "PC02 Công an Hà Nội", "Phòng PC02 Công an TP Hà Nội",
                "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An", "Phòng CSHS Công an tỉnh Nghệ An",
                "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - Bộ Công an", "Cục A05 Bộ Công an",
                "Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao Công an tỉnh Bắc Giang",
                "Phòng Tham mưu, Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an",
                "Văn phòng Bộ Công an", "Thanh tra Bộ Công an", "Học viện Cảnh sát nhân dân - Bộ Công an",
                "Bộ Tư lệnh Cảnh sát cơ động thuộc Bộ Công an", "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Nam",
                "Trung tâm Dữ liệu quốc gia - Bộ Công an", "Cục Quản lý xuất nhập cảnh Bộ Công an",
                "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An", "Phòng Cảnh sát PCCC và CNCH Công an tỉnh Đồng Nai",
                "Bộ phận một cửa Công an phường Ba Đình", "Cơ quan Công an tỉnh Nghệ An", "Trang thông tin điện tử của Cục CSGT",
                "Cục An ninh", "Văn phòng Đảng ủy Công an tỉnh Bình Dương", "Phòng Cảnh sát hình sự Công an Hà Nội",
                "Học viện Chính trị Công an nhân dân", "Phòng Quản lý xuất nhập cảnh Công an TP.HCM",
                "Phòng An ninh kinh tế Công an tỉnh Nghệ An", "Phòng Kỹ thuật hình sự Công an tỉnh Nghệ An",
                "Tổng cục Cảnh sát - Bộ Công an", "Cục C10 Bộ Công an",
                "Trung tâm Huấn luyện Cảnh sát cơ động - Bộ Công an", "Cục Cảnh sát thu hồi tài sản Bộ Công an",
                "Phòng Cảnh sát phòng chống tội phạm công nghệ cao (PC50 - Công an TP Hà Nội)"));
    }

    static Stream<Arguments> inventedBodies() {
        return forms(List.of("Phòng tiếp nhận hồ sơ - Bộ Công an", "Phòng Hỗ trợ nạn nhân lừa đảo trực thuộc Bộ Công an",
                "Cục Hỗ trợ nạn nhân Bộ Công an", "Cục Thu hồi tài sản Bộ Công an", "Trung tâm thu hồi vốn Bộ Công an",
                "Cơ quan chuyên trách khắc phục hậu quả - Bộ Công an", "Bộ phận tiếp nhận trình báo Công an tỉnh Bắc Giang",
                "Cục Cảnh sát hình sự Công an tỉnh Nghệ An", "Phòng Cảnh sát hình sự Công an phường Ba Đình",
                "Phòng tiếp nhận tố giác Công an tỉnh Thanh Hóa", "Tổng cục Hỗ trợ pháp lý Bộ Công an",
                "Cục Hỗ trợ nạn nhân tội phạm", "Học viện Thu hồi tài sản Bộ Công an",
                "Phòng tiếp nhận hồ sơ lừa đảo Công an Hà Nội", "Cục An ninh mạng Công an Đà Nẵng"));
    }

    private static Stream<Arguments> forms(List<String> names) {
        return names.stream().flatMap(n -> Stream.iterate(0, i -> i < TacticFormsTest.FORMS.size(), i -> i + 1)
                .map(i -> Arguments.of(TacticFormsTest.FORM_NAMES.get(i), n, TacticFormsTest.FORMS.get(i).apply(n))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realBodies")
    void a_real_body_by_full_name_short_name_or_code_is_not_invented(String form, String name, String written) {
        for (String link : new String[] {null, LINK}) {
            Verdict v = SCORER.check(new CheckRequest(link, null, written, null));
            assertFalse(v.reasonCodes().contains("INVENTED_BODY"), written + " -> " + v.reasons());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("inventedBodies")
    void a_body_the_structure_does_not_have_is_invented_and_the_nearest_real_ones_named(String form, String name, String written) {
        for (String link : new String[] {null, LINK}) {
            Verdict v = SCORER.check(new CheckRequest(link, null, written, null));
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasons());
            Reason r = v.reasons().stream().filter(x -> x.code().equals("INVENTED_BODY")).findFirst().orElseThrow(
                    () -> new AssertionError(written + " -> " + v.reasons()));
            assertTrue(r.technical().startsWith("structure:"), r.toString());
        }
    }

    @Test
    void the_reason_names_the_nearest_real_bodies_in_each_language() {
        Reason r = reason("Cục Thu hồi tài sản hình sự Bộ Công an");
        assertTrue(r.messageVi().contains("không có Cục nào tên như vậy thuộc Bộ Công an; đơn vị có thật gần nhất: \u201cCục Cảnh sát hình sự\u201d (C02)"),
                r.messageVi());
        assertTrue(r.messageEn().contains("no body of that name exists in the Ministry of Public Security; the nearest real bodies: "
                + "\u201cCục Cảnh sát hình sự\u201d (C02)"), r.messageEn());
        Reason phong = reason("Phòng tiếp nhận hồ sơ - Bộ Công an");
        assertTrue(phong.messageVi().contains("không có Phòng nào trực thuộc Bộ Công an"), phong.messageVi());
        assertTrue(phong.messageEn().contains("no body of this kind sits directly under the Ministry of Public Security"),
                phong.messageEn());
        assertFalse(phong.messageEn().contains("không"), phong.messageEn());
    }

    @Test
    void every_ministry_and_provincial_body_of_the_data_is_real_under_its_parent() {
        for (PoliceStructure.Body b : PoliceStructure.DEFAULT.bodies()) {
            String parent = switch (b.level()) {
                case MINISTRY -> " - Bộ Công an";
                case PROVINCE -> " Công an tỉnh Nghệ An";
                case COMMUNE -> " Công an xã Cốc Lầu";
            };
            Verdict v = SCORER.check(new CheckRequest(null, null, b.name() + parent, null));
            assertFalse(v.reasonCodes().contains("INVENTED_BODY"), b.name() + parent + " -> " + v.reasons());
            assertFalse(b.source().isBlank(), b.name());
        }
    }

    private static Reason reason(String name) {
        return SCORER.check(new CheckRequest(null, null, name, null)).reasons().stream()
                .filter(x -> x.code().equals("INVENTED_BODY")).findFirst().orElseThrow();
    }
}
