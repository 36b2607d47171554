package vn.binhyen.verifier.impostor;

/**
 * The signals behind a verdict, with their stable codes, the weight each adds to the suspicion
 * score, and message templates in Vietnamese and English ({@code %s} is the detail).
 */
enum Signal {
    REGISTERED_OFFICIAL(0.0,
            "Đây là kênh chính thức đã được đăng ký và xác thực: %s.",
            "This is a registered and verified official channel: %s."),
    CONFIRMED_IMPOSTOR(1.0,
            "Kênh này đã được cơ quan Công an xác nhận là giả mạo: %s.",
            "The police have confirmed and published this channel as an impostor: %s."),
    NAME_MATCHES_UNIT(0.6,
            "Tên trùng với đơn vị Công an có thật (%s) nhưng liên kết không phải kênh chính thức của đơn vị.",
            "The name is that of a real police unit (%s), but the link is not one of its official channels."),
    NAME_SIMILAR_TO_OFFICIAL(0.55,
            "Tên gần giống tên kênh chính thức: %s.",
            "The name resembles an official channel's name: %s."),
    CONFUSABLE_CHARACTERS(0.5,
            "Tên dùng ký tự trông giống chữ Việt để bắt chước: %s.",
            "The name uses look-alike characters to imitate: %s."),
    MIXED_SCRIPT(0.35,
            "Tên trộn lẫn nhiều bảng chữ cái (%s).",
            "The name mixes writing systems (%s)."),
    HANDLE_TYPOSQUAT(0.65,
            "Địa chỉ trang gần giống địa chỉ kênh chính thức: %s.",
            "The page address is a near copy of an official one: %s."),
    UNREGISTERED_POLICE_CLAIM(0.55,
            "Tự xưng là đơn vị Công an nhưng không có đơn vị nào như vậy trong danh bạ: %s.",
            "Claims to be a police unit that is not in the registry: %s."),
    SCAM_PHRASE(0.6,
            "Có cụm từ thường gặp ở trang lừa đảo \"lấy lại tiền\": %s. Không ai lấy lại được tiền bị lừa qua dịch vụ trên mạng.",
            "Uses phrases of \"recover your money\" scams: %s. No online service recovers scammed money."),
    LOOKALIKE_DOMAIN(0.7,
            "Tên miền bắt chước trang chính thức: %s.",
            "The domain imitates an official site: %s."),
    AUTHORITY_SELLS_SERVICE(0.9,
            "Trang nhân danh cơ quan nhà nước và rao một dịch vụ mà cơ quan thật không bao giờ làm qua mạng xã hội (%s).",
            "The page speaks in an authority's name and sells a service no real authority offers on social media (%s)."),
    INVENTED_BODY(0.6,
            "Tên ghép từ ngữ của cơ quan nhà nước nhưng không có cơ quan nào mang tên như vậy (%s).",
            "The name is built from official vocabulary, but no body of that name exists (%s)."),
    ABOUT_COPIES_OFFICIAL(0.4,
            "Phần giới thiệu mượn thông tin của đơn vị/kênh chính thức: %s.",
            "The about text borrows an official unit's or channel's details: %s.");

    private final double weight;
    private final String vi;
    private final String en;

    Signal(double weight, String vi, String en) {
        this.weight = weight;
        this.vi = vi;
        this.en = en;
    }

    double weight() {
        return weight;
    }

    /** A reason with this signal's default weight. */
    Reason reason(String detail) {
        return reason(detail, weight);
    }

    /** A reason with an explicit weight (a signal weighed down by context). */
    Reason reason(String detail, double weight) {
        return reason(detail, weight, "");
    }

    /** A reason whose technical detail (distances, similarities) is kept apart from the messages. */
    Reason reason(String detail, double weight, String technical) {
        return reason(detail, detail, weight, technical);
    }

    /**
     * A reason whose detail differs by language: evidence (the page's words, official names) is the
     * same in both, but a label the scorer writes itself ("a police unit") is in the reader's language.
     */
    Reason reason(String detailVi, String detailEn, double weight, String technical) {
        return new Reason(name(), String.format(vi, detailVi), String.format(en, detailEn), weight, technical);
    }

    String templateVi() {
        return vi;
    }

    String templateEn() {
        return en;
    }
}
