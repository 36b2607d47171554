package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules generalised from the misses and false alarms of the press corpus's tuning split
 * (rows dated up to 2023), each in NFC, NFD, unaccented, styled and dotted form where the input
 * is a name, and in the spellings a link is written with where it is a link; and the legitimate
 * families each rule must leave alone.
 *
 * <ul>
 *   <li>Invented body by grammar (issue 16, tactic 3): a kind of body that does not exist inside the
 *       police put before a police unit, "UBND Công an tỉnh …" (vocabulary kind {@code not_police_parent}).</li>
 *   <li>Look-alike domain with digits inserted (tactic 7): "congan.113hanoi.com" imitates
 *       congan.hanoi.gov.vn.</li>
 *   <li>A link printed with a broken or defanged scheme ("http//csgt.vn", "hxxp://csgt[.]vn") is read as
 *       its host, so an official site is recognised instead of being taken for a host called "http".</li>
 * </ul>
 */
class TuningSplitRulesTest {

    private static final ImpostorScorer SCORER = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));

    private static Verdict check(String link, String name) {
        return SCORER.check(new CheckRequest(link, null, name, null));
    }

    private static Stream<Arguments> forms(List<String> names) {
        return names.stream().flatMap(n -> Stream.iterate(0, i -> i < TacticFormsTest.FORMS.size(), i -> i + 1)
                .map(i -> Arguments.of(TacticFormsTest.FORM_NAMES.get(i), n, TacticFormsTest.FORMS.get(i).apply(n))));
    }

    static Stream<Arguments> inventedParents() {
        return forms(List.of("UBND Công an tỉnh Bắc Giang", "Ủy ban nhân dân Công an huyện Nam Đàn",
                "HĐND Công an quận Đống Đa", "Tòa án nhân dân Công an tỉnh Quảng Nam", "Viện kiểm sát Công an phường Ba Đình"));
    }

    static Stream<Arguments> legitimateNextToPolice() {
        return forms(List.of("UBND phường Bến Nghé", "Ủy ban nhân dân xã Cốc Lầu",
                "Tòa án nhân dân tỉnh Quảng Nam", "Viện kiểm sát nhân dân quận 12",
                "UBND và Công an phường Trường Thọ", "Đoàn Thanh niên Công an TP.Biên Hòa",
                "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An", "Báo Công an nhân dân",
                "Cảnh báo giả mạo UBND Công an tỉnh"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("inventedParents")
    void a_body_that_does_not_exist_inside_the_police_before_a_police_unit_is_invented(String form, String name, String written) {
        for (String link : new String[] {null, "facebook.com/trang-chua-dang-ky"}) {
            Verdict v = check(link, written);
            assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " (" + link + ") -> " + v.score() + " " + v.reasonCodes());
            assertTrue(v.reasonCodes().contains("INVENTED_BODY") || v.reasonCodes().contains("AUTHORITY_SELLS_SERVICE"),
                    written + " -> " + v.reasonCodes());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("legitimateNextToPolice")
    void people_s_committees_courts_youth_unions_and_real_police_departments_are_not_invented(String form, String name,
            String written) {
        Verdict v = check(null, written);
        assertFalse(v.reasonCodes().contains("INVENTED_BODY"), written + " -> " + v.reasonCodes());
        if (!form.equals("dotted")) {
            // a police name written letter by letter with dots is itself a disguise (CONFUSABLE_CHARACTERS), as before this rule
            assertNotEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasonCodes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"congan.113hanoi.com", "http://Congan.113hanoi.com", "https://www.congan113hanoi.net/lien-he",
            "CONGAN-HANOI-2024.COM", "congan.hanoi24h.vn"})
    void digits_inserted_into_an_official_host_do_not_hide_the_imitation(String link) {
        Verdict v = check(link, null);
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), link + " -> " + v.score() + " " + v.reasonCodes());
        assertTrue(v.reasonCodes().contains("LOOKALIKE_DOMAIN"), link + " -> " + v.reasonCodes());
        assertTrue(v.resembles().stream().anyMatch(r -> r.channel().normalizedId().equals("congan.hanoi.gov.vn")),
                link + " -> " + v.resembles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop2024.vn", "113.vn", "hanoi360.com", "cand.com.vn", "anninhthudo.vn"})
    void hosts_with_digits_that_imitate_no_official_name_are_not_look_alikes(String link) {
        Verdict v = check(link, null);
        assertFalse(v.reasonCodes().contains("LOOKALIKE_DOMAIN"), link + " -> " + v.reasonCodes());
        assertEquals(Verdict.Kind.NOT_REGISTERED, v.verdict(), link + " -> " + v.reasonCodes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http//csgt.vn", "https//csgt.vn", "http:/csgt.vn", "HTTP//CSGT.VN", "hxxp://csgt[.]vn",
            "hxxps//www.csgt(.)vn/"})
    void an_official_site_printed_with_a_broken_or_defanged_scheme_is_official(String link) {
        Verdict v = check(link, "Trang thông tin điện tử của Cục CSGT");
        assertEquals(Verdict.Kind.OFFICIAL, v.verdict(), link + " -> " + v.reasonCodes());
    }

    @Test
    void a_social_page_or_impostor_site_printed_with_a_broken_scheme_is_read_the_same() {
        assertEquals(Verdict.Kind.OFFICIAL, check("http//facebook.com/conganthudo", null).verdict());
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, check("http//congan.113hanoi.com", null).verdict());
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, check("hxxps://conganhanoivn[.]com", null).verdict());
    }
}
