package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins each signal of the impostor scorer with inputs of each kind. */
class ImpostorScorerTest {

    private static final ImpostorScorer SCORER = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of(
            new ConfirmedImpostor("facebook.com/conganthudo.hotro", "Công an Thành phố Hà Nội", "01",
                    Instant.parse("2025-09-01T00:00:00Z")))));

    private static Verdict check(String link, String name) {
        return SCORER.check(new CheckRequest(link, null, name, null));
    }

    private static List<String> ids(List<OfficialChannel> channels) {
        return channels.stream().map(OfficialChannel::normalizedId).toList();
    }

    @Test
    void registered_link_is_official_whatever_the_link_spelling() {
        assertEquals(Verdict.Kind.OFFICIAL, SCORER.check(CheckRequest.of("facebook.com/conganthudo", null)).verdict());
        Verdict v = check("https://m.facebook.com/ConganThuDo/?ref=share", "Công an Thành phố Hà Nội");
        assertEquals(Verdict.Kind.OFFICIAL, v.verdict());
        assertEquals(List.of("REGISTERED_OFFICIAL"), v.reasonCodes());
        assertEquals(0.0, v.score());
    }

    @Test
    void published_impostor_is_confirmed_and_names_the_real_channels() {
        Verdict v = check("https://www.facebook.com/conganthudo.hotro", "Công an Thành phố Hà Nội");
        assertEquals(Verdict.Kind.CONFIRMED_IMPOSTOR, v.verdict());
        assertTrue(ids(v.officialChannelsOfNamedUnit()).contains("facebook.com/conganthudo"));
    }

    @Test
    void real_unit_name_on_unknown_link_lists_that_units_official_channels() {
        Verdict v = check("https://www.facebook.com/hotro.nguoidan.2024", "Công an phường Ba Đình");
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict());
        assertTrue(v.reasonCodes().contains("NAME_MATCHES_UNIT"));
        assertEquals(List.of("facebook.com/conganphuongbadinh", "zalo.me/g/bdinh4kx"),
                ids(v.officialChannelsOfNamedUnit()).subList(0, 2));
    }

    @Test
    void nfc_nfd_and_unaccented_names_score_alike() {
        String nfc = Normalizer.normalize("Công an phường Hoàn Kiếm", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        Verdict a = check("https://zalo.me/0912345678", nfc);
        Verdict b = check("https://zalo.me/0912345678", nfd);
        Verdict c = check("https://zalo.me/0912345678", "cong an phuong hoan kiem");
        Verdict d = check("https://zalo.me/0912345678", "CAP Hoàn Kiếm");
        assertEquals(a.score(), b.score());
        assertEquals(a.reasonCodes(), b.reasonCodes());
        assertEquals(a.reasonCodes(), c.reasonCodes());
        assertEquals(a.reasonCodes(), d.reasonCodes());
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, a.verdict());
    }

    @Test
    void folding_handles_diacritics_d_case_spacing_and_abbreviations() {
        assertEquals("cong an phuong ba dinh", VietnameseText.normalize("  CÔNG AN  P.Ba-Đình "));
        assertEquals("cong an thanh pho ho chi minh", VietnameseText.normalize("CATP. HCM"));
        assertEquals("canh sat giao thong bo cong an", VietnameseText.normalize("CSGT - BCA"));
        assertEquals("cap doi can cuoc", VietnameseText.normalize("Cấp đổi căn cước"), "cấp is a word, not CAP");
    }

    @Test
    void cyrillic_look_alikes_are_confusable_and_mixed_script() {
        Verdict v = check("https://zalo.me/0912345678", "Сông аn Thành phố Hà Nội"); // Cyrillic С and а
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict());
        assertTrue(v.reasonCodes().containsAll(List.of("CONFUSABLE_CHARACTERS", "MIXED_SCRIPT", "NAME_MATCHES_UNIT")));
        assertTrue(Confusables.mixesScripts("Bộ Cοng an")); // Greek omicron
        assertFalse(Confusables.mixesScripts("Bộ Công an"));
    }

    @Test
    void handle_one_letter_away_doubled_or_with_digits_is_typosquat() {
        for (String handle : List.of("conganthud", "congantuhdo", "conganthuddo", "c0nganthudo", "conganthudo.vn24")) {
            Verdict v = check("https://facebook.com/" + handle, null);
            assertTrue(v.reasonCodes().contains("HANDLE_TYPOSQUAT"), handle + " " + v.reasonCodes());
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), handle);
            assertEquals("facebook.com/conganthudo", v.resembles().get(0).channel().normalizedId());
        }
        assertTrue(check("https://zalo.me/2345678902", null).reasons().isEmpty(), "numeric ids are not typos");
    }

    @Test
    void claim_of_a_police_unit_that_does_not_exist() {
        Verdict v = check("https://facebook.com/cuc.hotro", "Cục Hỗ trợ nạn nhân lừa đảo tiếp nhận trình báo");
        assertTrue(v.reasonCodes().contains("UNREGISTERED_POLICE_CLAIM"), v.reasonCodes().toString());
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict());
    }

    @Test
    void scam_phrases_flag_but_warnings_against_them_do_not() {
        Verdict scam = check("https://facebook.com/lay.lai.tien", "Hỗ trợ lấy lại tiền bị lừa đảo");
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, scam.verdict());
        assertTrue(scam.reasonCodes().contains("SCAM_PHRASE"));
        Verdict warning = SCORER.check(new CheckRequest("https://facebook.com/canhbao", null, "Cảnh báo",
                "Cảnh báo: không có dịch vụ hỗ trợ lấy lại tiền bị lừa."));
        assertEquals(Verdict.Kind.NOT_REGISTERED, warning.verdict());
    }

    @Test
    void lookalike_domains_of_official_sites() {
        for (String host : List.of("bocongan-gov.vn", "mps.gov.com", "mpsgov.vn", "hotro-bocongan.com", "boccongan.vn")) {
            Verdict v = check("https://" + host + "/tra-cuu", null);
            assertTrue(v.reasonCodes().contains("LOOKALIKE_DOMAIN"), host + " " + v.reasonCodes());
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), host);
        }
        assertEquals(Verdict.Kind.NOT_REGISTERED, check("https://congan.com.vn", null).verdict());
        assertEquals(Verdict.Kind.OFFICIAL, check("https://dichvucong.mps.gov.vn/x", null).verdict());
    }

    /**
     * Issue 16, tactics 2, 4 and 5: other authorities' hosts (the national public-service portal
     * where fines are paid, VNeID, the courts, the procuracy) copied on hosts that are not theirs,
     * each naming the official host it copies; the official hosts themselves and their sub-domains are not.
     */
    @Test
    void hosts_copying_another_authoritys_official_host() {
        for (String[] c : List.of(new String[] {"dichvucong-nopphat.com", "dichvucong.gov.vn"},
                new String[] {"https://DichVuCong.GovVN.net/tra-cuu", "dichvucong.gov.vn"},
                new String[] {"vneid-capnhat.vip", "vneid.gov.vn"}, new String[] {"toaan-trieutap.online", "toaan.gov.vn"},
                new String[] {"vksndtc.com/lenh-bat", "vksndtc.gov.vn"})) {
            Verdict v = check(c[0], null);
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), c[0] + " " + v.reasonCodes());
            assertTrue(v.reasons().stream().anyMatch(r -> r.code().equals("LOOKALIKE_DOMAIN") && r.messageVi().contains(c[1])),
                    c[0] + " " + v.reasons());
        }
        for (String official : List.of("https://dichvucong.gov.vn/p/home", "vneid.gov.vn", "https://www.toaan.gov.vn",
                "dichvucong.bocongan.gov.vn", "vnexpress.net", "dutoan.vn")) {
            Verdict v = check(official, null);
            assertFalse(v.reasonCodes().contains("LOOKALIKE_DOMAIN"), official + " " + v.reasonCodes());
        }
    }

    @Test
    void about_text_borrowing_an_official_unit_and_service_name() {
        Verdict v = SCORER.check(new CheckRequest("https://zalo.me/0911111111", null, "Tiếp nhận tố giác tội phạm",
                "Địa chỉ: 87 Trần Hưng Đạo, Hoàn Kiếm. Công an Thành phố Hà Nội."));
        assertTrue(v.reasonCodes().contains("ABOUT_COPIES_OFFICIAL"));
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict());
    }

    @Test
    void legitimate_lookalikes_are_not_flagged() {
        for (String name : List.of("Hội phụ nữ phường Ba Đình", "Nhóm Zalo tổ dân phố 5", "Cửa hàng Công Anh",
                "Luật sư tư vấn thu hồi nợ", "Trần Công An", "Zalo Tổ dân phố 5 phường Tân Lập")) {
            Verdict v = check("https://zalo.me/g/abcdefgh", name);
            assertEquals(Verdict.Kind.NOT_REGISTERED, v.verdict(), name + " " + v.reasonCodes());
        }
    }

    @Test
    void name_alone_is_not_enough_to_accuse_but_lists_the_official_channels() {
        Verdict v = SCORER.check(new CheckRequest(null, null, "Công an phường Ba Đình", null));
        assertEquals(Verdict.Kind.NOT_REGISTERED, v.verdict());
        assertTrue(ids(v.officialChannelsOfNamedUnit()).contains("facebook.com/conganphuongbadinh"));
    }

    @Test
    void thresholds_come_from_configuration() {
        ScoringThresholds t = ScoringThresholds.fromJson(new JsonObject().put("suspectThreshold", 0.7).put("maxHandleEditDistance", 1));
        assertEquals(0.7, t.suspectThreshold());
        assertEquals(1, t.maxHandleEditDistance());
        assertEquals(ScoringThresholds.DEFAULTS.nameSimilarityThreshold(), t.nameSimilarityThreshold());
    }
}
