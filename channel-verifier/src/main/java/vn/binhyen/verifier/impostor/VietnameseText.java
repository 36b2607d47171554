package vn.binhyen.verifier.impostor;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds Vietnamese text to one comparable form: composed and decomposed input alike, diacritics and
 * case dropped, đ/Đ as d, punctuation and spacing collapsed, and the abbreviations people type for
 * police units (CA, CAP, CSGT, TP., P., ...) expanded.
 */
final class VietnameseText {

    /** NFKD also unfolds full-width and "mathematical bold" letters that scam pages use for display. */
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

    /** Expanded whatever their case: none of them is a Vietnamese word once accents are gone. */
    private static final Map<String, String> ANY_CASE = Map.ofEntries(
            Map.entry("csgt", "canh sat giao thong"),
            Map.entry("cshs", "canh sat hinh su"),
            Map.entry("cscd", "canh sat co dong"),
            Map.entry("cskv", "canh sat khu vuc"),
            Map.entry("pccc", "phong chay chua chay"),
            Map.entry("cnch", "cuu nan cuu ho"),
            Map.entry("bca", "bo cong an"),
            Map.entry("catp", "cong an thanh pho"),
            Map.entry("caq", "cong an quan"),
            Map.entry("cah", "cong an huyen"),
            Map.entry("cax", "cong an xa"),
            Map.entry("catx", "cong an thi xa"),
            Map.entry("tphcm", "thanh pho ho chi minh"),
            Map.entry("hcm", "ho chi minh"),
            Map.entry("tp", "thanh pho"),
            Map.entry("tx", "thi xa"),
            Map.entry("hn", "ha noi"),
            Map.entry("ubnd", "uy ban nhan dan"),
            // issue 16, tactic 1: the abbreviations scam pages use for police and other bodies
            Map.entry("cnc", "cong nghe cao"),
            Map.entry("csdt", "canh sat dieu tra"),
            Map.entry("cqcsdt", "co quan canh sat dieu tra"),
            Map.entry("cqdt", "co quan dieu tra"),
            Map.entry("pctp", "phong chong toi pham"),
            Map.entry("nhnn", "ngan hang nha nuoc"),
            Map.entry("vksnd", "vien kiem sat nhan dan"),
            Map.entry("tand", "toa an nhan dan"),
            Map.entry("attt", "an toan thong tin"),
            Map.entry("q", "quan"),
            Map.entry("p", "phuong"),
            Map.entry("x", "xa"),
            Map.entry("h", "huyen"));

    /**
     * Expanded only when typed in capitals without accents: "ca", "cap", "cat" and "tt" are also
     * ordinary words once folded (cá, cấp, cát), so "Cấp đổi" must not become "công an phường đổi".
     */
    private static final Map<String, String> UPPER_ONLY = Map.of(
            "ca", "cong an",
            "cap", "cong an phuong",
            "cat", "cong an tinh",
            "tt", "thi tran");

    private VietnameseText() {
    }

    /** Folds without expanding abbreviations: "Công  an P.Ba Đình" becomes "cong an p ba dinh". */
    static String fold(String text) {
        return String.join(" ", foldTokens(text, false));
    }

    /** Folds and expands abbreviations: "CAP Ba Đình" becomes "cong an phuong ba dinh". */
    static String normalize(String text) {
        return String.join(" ", foldTokens(text, true));
    }

    /** The normalised form without spaces, for handles and domains. */
    static String compact(String text) {
        return normalize(text).replace(" ", "");
    }

    /** The folded tokens of a text, abbreviations expanded when asked. */
    static List<String> foldTokens(String text, boolean expand) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String decomposed = NFKD.normalize(text);
        StringBuilder folded = new StringBuilder();
        boolean plainUpper = true;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                plainUpper = false;
                continue;
            }
            if (UCharacter.getType(cp) == UCharacter.FORMAT) {
                // zero-width spaces and joiners, soft hyphens: hidden inside words to break them (issue 16, tactic 6)
                continue;
            }
            if (cp == 'đ' || cp == 'Đ') {
                folded.append('d');
                plainUpper = false;
            } else if (UCharacter.isLetterOrDigit(cp)) {
                if (UCharacter.isLowerCase(cp)) {
                    plainUpper = false;
                }
                folded.appendCodePoint(UCharacter.toLowerCase(cp));
            } else {
                flush(folded, plainUpper, expand, out);
                plainUpper = true;
            }
        }
        flush(folded, plainUpper, expand, out);
        return out;
    }

    private static void flush(StringBuilder token, boolean plainUpper, boolean expand, List<String> out) {
        if (token.length() == 0) {
            return;
        }
        String t = token.toString();
        token.setLength(0);
        String expansion = expand ? ANY_CASE.get(t) : null;
        if (expand && expansion == null && plainUpper) {
            expansion = UPPER_ONLY.get(t);
        }
        if (expansion == null) {
            out.add(t);
        } else {
            for (String part : expansion.split(" ")) {
                out.add(part);
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = UCharacter.getType(cp);
        return type == UCharacter.NON_SPACING_MARK
                || type == UCharacter.ENCLOSING_MARK
                || type == UCharacter.COMBINING_SPACING_MARK;
    }
}
