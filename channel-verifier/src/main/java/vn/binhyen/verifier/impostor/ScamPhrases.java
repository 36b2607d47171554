package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.List;

/**
 * The phrases of "recover your lost money" pages. Strong phrases (recovering money) are a scam on
 * their own, since no one, the police included, recovers scammed money for a fee; weak ones
 * ("tiếp nhận hồ sơ") only add to other signals. A phrase preceded by a warning ("cảnh báo",
 * "không có", "giả mạo") is a page warning against the scam, not offering it.
 */
final class ScamPhrases {

    /** A phrase found, and whether it is strong. */
    record Found(String phrase, boolean strong) {
    }

    private static final List<String> STRONG = List.of("thu hoi tien", "lay lai tien", "ho tro thu hoi",
            "ho tro lay lai", "lay lai tai san", "thu hoi tai san", "hoan tra tien", "hoan lai tien",
            "lay lai so tien", "thu hoi so tien", "thu hoi lai tien", "lay lai khoan tien", "thu hoi khoan tien");
    private static final List<String> WEAK = List.of("tiep nhan ho so", "tiep nhan trinh bao", "phi dich vu",
            "dong phi", "nan nhan bi lua");
    private static final List<String> WARNINGS = List.of("canh bao", "khong co", "dung tin", "gia mao",
            "mao danh", "thu doan", "coi chung", "tranh");

    private ScamPhrases() {
    }

    /**
     * The strong phrases written without spaces in a link ("laylaitien" in facebook.com/hotro.laylaitien
     * or laylaitien-online.com), each once: a handle or host is named by its words run together.
     */
    static List<Found> inLink(String compact) {
        List<Found> out = new ArrayList<>();
        for (String phrase : STRONG) {
            if (compact.contains(phrase.replace(" ", ""))) {
                out.add(new Found(phrase, true));
            }
        }
        return out;
    }

    /** The scam phrases in a normalised text, each once. */
    static List<Found> find(String normalized) {
        List<Found> out = new ArrayList<>();
        String text = " " + normalized + " ";
        scan(text, STRONG, true, out);
        scan(text, WEAK, false, out);
        return out;
    }

    private static void scan(String text, List<String> phrases, boolean strong, List<Found> out) {
        for (String phrase : phrases) {
            String needle = " " + phrase + " ";
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                if (!warnedBefore(text, at)) {
                    out.add(new Found(phrase, strong));
                    break;
                }
            }
        }
    }

    private static boolean warnedBefore(String text, int at) {
        String window = text.substring(Math.max(0, at - 40), at + 1);
        for (String warning : WARNINGS) {
            if (window.contains(" " + warning + " ")) {
                return true;
            }
        }
        return false;
    }
}
