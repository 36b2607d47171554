package vn.binhyen.verifier.impostor;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Look-alike characters: maps every character that is not plain Vietnamese Latin to its Unicode
 * TR39 skeleton (ICU4J {@link SpoofChecker}), so "Сông аn" (Cyrillic С and а) reads "Công an", and
 * tells whether a text mixes scripts. The skeleton keeps Vietnamese diacritics, so it is applied to
 * the suspicious characters only and {@link VietnameseText} folds the rest.
 */
final class Confusables {

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Map<Integer, String> SKELETONS = new ConcurrentHashMap<>();

    private Confusables() {
    }

    /** The text with look-alike characters replaced, or the same instance when there are none. */
    static String deconfuse(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isPlain(cp)) {
                if (out != null) {
                    out.appendCodePoint(cp);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(SKELETONS.computeIfAbsent(cp, c -> SPOOF.getSkeleton(new String(Character.toChars(c)))));
            }
            i += len;
        }
        return out == null ? text : out.toString();
    }

    /** Replaces digits written inside words ("c0ng", "th4nh") by the letters they imitate. */
    static String digitsInWords(String folded) {
        StringBuilder out = null;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            char letter = letterFor(c);
            boolean inside = i > 0 && i + 1 < folded.length()
                    && Character.isLetter(folded.charAt(i - 1)) && Character.isLetter(folded.charAt(i + 1));
            if (letter != 0 && inside) {
                if (out == null) {
                    out = new StringBuilder(folded);
                }
                out.setCharAt(i, letter);
            }
        }
        return out == null ? folded : out.toString();
    }

    /** The letter a digit is commonly typed for, or 0. */
    static char letterFor(char digit) {
        switch (digit) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '8': return 'b';
            case '9': return 'g';
            default: return 0;
        }
    }

    /** True when the letters of the text come from more than one script (Latin with Cyrillic, say). */
    static boolean mixesScripts(String text) {
        if (text == null) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!UCharacter.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            if (script == UScript.COMMON || script == UScript.INHERITED) {
                continue;
            }
            if (first == -1) {
                first = script;
            } else if (script != first) {
                return true;
            }
        }
        return false;
    }

    /** Plain ASCII, or a Latin letter whose decomposition starts with ASCII (Vietnamese letters), or đ/Đ. */
    private static boolean isPlain(int cp) {
        if (cp < 0x80 || cp == 'đ' || cp == 'Đ') {
            return true;
        }
        if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK && cp < 0x370) {
            return true; // decomposed input: the combining accents of NFD Vietnamese
        }
        if (!UCharacter.isLetter(cp)) {
            return !UCharacter.isLetterOrDigit(cp) && UScript.getScript(cp) == UScript.COMMON;
        }
        String decomposition = NFD.getDecomposition(cp);
        return decomposition != null && decomposition.charAt(0) < 0x80
                && UScript.getScript(cp) == UScript.LATIN;
    }
}
