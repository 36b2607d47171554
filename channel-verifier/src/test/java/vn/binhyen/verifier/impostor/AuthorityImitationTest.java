package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fourth pass of issue 16, built from its tactic list (not from any press row):
 *
 * <ul>
 *   <li>Look-alike hosts of any authority (tactic 2): a government suffix where it does not belong
 *       ("mps.gov.com", "bocongan.gov.vn.cc", "xgovvn.net", "-gov-vn"), an authority's short host name
 *       with a place or "gov" beside it ("sbvhn.com", "nhnn-hn.com"), an authority's name on a free
 *       hosting platform ("state-bank.vercel.app"); vocabulary kinds {@code domain_abbrev},
 *       {@code domain_companion}, {@code hosting_suffix}.</li>
 *   <li>The money-recovery words run together in a link ("facebook.com/hotro.laylaitien"), and an authority
 *       with a service it never sells ("facebook.com/bocongan.tiepnhanhoso"); authorities' names written
 *       as hosts ("nganhangnhanuoc", "botaichinh": {@code domain_core} rows naming the real host).</li>
 *   <li>Invented bodies by grammar (tactic 3): a kind of body named by the service it sells ("Trung tâm
 *       hoàn tiền", "Ban hỗ trợ giải ngân"; kind {@code body_word}).</li>
 *   <li>More authorities and abbreviations (tactics 1 and 2): NHNN, SBV, Kho bạc Nhà nước, Tổng cục
 *       Thuế, Bộ Tư pháp, Thi hành án, Interpol …; CNC, CSĐT, CQCSĐT, VKSND, TAND.</li>
 *   <li>Invisible characters (zero-width space and joiner, soft hyphen, word joiner) put inside words
 *       (tactic 6) are dropped when text is folded.</li>
 *   <li>Banks' "liên ngân hàng" departments (tactic 2), CSGT with "nộp phạt" (tactic 4).</li>
 *   <li>VNeID (tactic 5) with the app named inside the phrase ("kích hoạt VNeID mức 2"), and the
 *       legitimate helpers of the issue (youth union, women's union, residents' groups, schools) who
 *       install VNeID for people and must not be flagged (kind {@code legit_helper}).</li>
 * </ul>
 * Names are tried in NFC, NFD, unaccented, styled and dotted form; hosts in the spellings a link is written with.
 */
class AuthorityImitationTest {

    private static final ImpostorScorer SCORER = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
    private static final String PAGE = "facebook.com/trang-chua-dang-ky";

    private static Verdict check(String link, String name) {
        return SCORER.check(new CheckRequest(link, null, name, null));
    }

    private static Stream<Arguments> forms(List<String> names) {
        return names.stream().flatMap(n -> Stream.iterate(0, i -> i < TacticFormsTest.FORMS.size(), i -> i + 1)
                .map(i -> Arguments.of(TacticFormsTest.FORM_NAMES.get(i), n, TacticFormsTest.FORMS.get(i).apply(n))));
    }

    private static Stream<String> spellings(String host) {
        return Stream.of(host, "https://" + host + "/tra-cuu", "http://www." + host, host.toUpperCase(java.util.Locale.ROOT),
                "hxxps://" + host.replace(".", "[.]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sbvhn.com", "sbv-vn.net", "hn-sbv.com", "nhnn-hn.com", "sbv2025.com", "mps.gov.com",
            "bocongan.gov.vn.cc", "dichvu.gov-vn.top", "mps-gov-vn.com", "portal.xgovvn.net", "cvgov.com", "thue.g0v.vn",
            "congan-hanoi.com", "conganquangnam.net", "csgtvn.com", "phat-nguoi.csgt-online.com", "mofvn.com",
            "state-bank.vercel.app", "congan-tphcm.github.io", "bhxh.netlify.app", "nganhangnhanuoc-vn.com",
            "botaichinh.online", "tongcucthue.web.app", "dinhdanhdientu-vneid.com",
            // fifth pass, tuning split: "gov" before a second-level suffix of .vn, "gov.vn" squashed
            // into "govn", an authority's short host name after "tracuu" (a look-up)
            "moetgov.org.vn", "bhxhgov.com.vn", "sbvgovn.vn", "tracuumof.vn"})
    void hosts_imitating_an_authority_are_look_alikes_in_every_spelling(String host) {
        spellings(host).forEach(link -> {
            Verdict v = check(link, null);
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), link + " -> " + v.reasonCodes());
            assertTrue(v.reasons().stream().anyMatch(r -> r.code().equals("LOOKALIKE_DOMAIN") && !r.technical().isEmpty()),
                    link + ": the rule is in technical");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sbv.gov.vn", "www.sbv.gov.vn", "egov.danang.gov.vn", "usa.gov", "gov.uk", "www.nhs.gov.uk",
            "congan.com.vn", "cand.com.vn", "anninhthudo.vn", "baochinhphu.vn", "chinhphu.vn", "thuehanoi.com",
            "chothuehanoi.com", "govtech.com", "chongluadao.vn", "tinnhiemmang.vn", "sbvietnam.com", "sgvn.com",
            "myblog.vercel.app", "nguyenvan.github.io", "gplx.gov.vn", "www.gplx.gov.vn", "lamgplx.com.vn",
            "govietnam.com.vn"})
    void hosts_of_authorities_and_ordinary_hosts_are_not_look_alikes(String host) {
        spellings(host).forEach(link -> {
            Verdict v = check(link, null);
            assertNotEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), link + " -> " + v.reasonCodes());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook.com/hotro.laylaitien", "https://www.facebook.com/Thu.Hoi.Tien.Bi.Lua",
            "thuhoitien24h.com", "https://lay-lai-tien-bi-lua.net/dang-ky", "zalo.me/g/hotrothuhoi"})
    void money_recovery_words_run_together_in_a_link_are_a_scam_phrase(String link) {
        assertSuspectedFor(link, "SCAM_PHRASE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook.com/bocongan.tiepnhanhoso", "https://facebook.com/NganHangNhaNuoc.HoanTien",
            "zalo.me/g/congan-hotro-nannhan", "facebook.com/botaichinh.giaingan", "tiepnhanhoso-bocongan.com"})
    void an_authority_and_a_service_run_together_in_a_link_sell_the_service(String link) {
        assertSuspectedFor(link, "AUTHORITY_SELLS_SERVICE");
    }

    /** The link alone is a suspected impostor, and {@code reason} is among the reasons why. */
    private static void assertSuspectedFor(String link, String reason) {
        Verdict v = check(link, null);
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), link + " -> " + v.reasonCodes());
        assertTrue(v.reasonCodes().contains(reason), link + " -> " + v.reasonCodes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook.com/botaichinh", "facebook.com/congan.tiepdan", "facebook.com/doanthanhnien.vneid",
            "facebook.com/conganhuyen.hoatdong"})
    void an_authority_in_a_link_without_a_service_is_not_selling(String link) {
        assertTrue(!check(link, null).reasonCodes().contains("AUTHORITY_SELLS_SERVICE"), link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook.com/chongluadao", "chongluadao.vn", "facebook.com/canhbaoluadao.vn", "zalo.me/g/thutienhoc"})
    void anti_scam_and_ordinary_links_carry_no_scam_phrase(String link) {
        assertTrue(!check(link, null).reasonCodes().contains("SCAM_PHRASE"), link);
    }

    static Stream<Arguments> impostorNames() {
        return forms(List.of("Trung tâm hoàn tiền lừa đảo quốc gia", "Ban hỗ trợ giải ngân vốn", "NHNN giải tỏa tài khoản",
                "Phòng CNC CATP HN tiếp nhận đơn trình báo", "CQCSĐT Bộ Công an xử lý hồ sơ lừa đảo",
                "Kho bạc Nhà nước giải ngân", "Interpol Việt Nam truy vết", "Tổng cục Thuế hoàn lại tiền",
                "VKSND tối cao tiếp nhận đơn tố cáo", "Thi hành án dân sự hỗ trợ người bị lừa",
                "Hỗ trợ kích hoạt VNeID mức 2", "Phòng xử lý liên ngân hàng", "CSGT nộp phạt",
                "Cập nhật tài khoản định danh mức 2"));
    }

    static Stream<Arguments> legitimateNames() {
        return forms(List.of("Đoàn Thanh niên phường Bến Thành hỗ trợ cài đặt VNeID",
                "Chi đoàn khu phố 2 hướng dẫn kích hoạt định danh điện tử", "Hội Liên hiệp Phụ nữ xã Cốc Lầu hỗ trợ cài đặt VNeID",
                "Phòng chống lừa đảo trực tuyến", "Trung tâm trợ giúp pháp lý nhà nước tỉnh Quảng Nam",
                "Cục Thi hành án dân sự tỉnh Bắc Giang", "Tòa án nhân dân tối cao", "Kho bạc Nhà nước",
                "Cảnh báo lừa đảo - Hỗ trợ người bị lừa", "Báo Công an TP.HCM", "Văn phòng luật sư Minh Tâm",
                "Ngân hàng Nhà nước Việt Nam", "Zalo tổ dân phố 3 phường Hải Châu cập nhật VNeID",
                "Hội Cựu chiến binh phường Hải Châu hỗ trợ kích hoạt định danh điện tử", "Đội Cảnh sát giao thông trật tự"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("impostorNames")
    void authorities_and_invented_bodies_selling_a_service_are_flagged(String form, String name, String written) {
        Verdict v = check(PAGE, written);
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasonCodes());
        assertTrue(v.reasonCodes().contains("AUTHORITY_SELLS_SERVICE") || v.reasonCodes().contains("INVENTED_BODY"),
                written + " -> " + v.reasonCodes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff"})
    void invisible_characters_inside_words_do_not_hide_them(String invisible) {
        String name = "C" + invisible + "ông a" + invisible + "n TP Hà N" + invisible + "ội tiếp nh" + invisible + "ận hồ sơ";
        Verdict v = check(PAGE, name);
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), v.reasonCodes().toString());
        assertTrue(v.reasonCodes().contains("AUTHORITY_SELLS_SERVICE"), v.reasonCodes().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("legitimateNames")
    void helpers_warnings_and_real_bodies_are_not_flagged(String form, String name, String written) {
        Verdict v = check(PAGE, written);
        assertNotEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasonCodes());
    }
}
