package vn.binhyen.verifier.impostor;

import java.util.Locale;

/**
 * The parts of a channel link the scorer compares: the canonical identifier (as the registry stores
 * it), the host ("facebook.com", "mps.gov.vn") and the handle on that host ("conganthudo"), empty
 * for websites.
 */
record ChannelLink(String normalizedId, String host, String handle) {

    /** True for a web site rather than a page on a social platform. */
    boolean isWebsite() {
        return handle.isEmpty();
    }

    /** The registry's canonical form if given, else a best-effort canonical form of the raw link. */
    static ChannelLink of(String link, String normalizedLink) {
        String source = normalizedLink != null && !normalizedLink.isBlank() ? normalizedLink : link;
        if (source == null || source.isBlank()) {
            return null;
        }
        ChannelLink parsed = parse(source.trim());
        return normalizedLink != null && !normalizedLink.isBlank()
                ? new ChannelLink(normalizedLink.trim(), parsed.host(), parsed.handle())
                : parsed;
    }

    /**
     * A scheme as people and the press mistype or defang it ("http//csgt.vn", "https:/x", "hxxp://x"):
     * read as no scheme at all, so the host is not taken for "http".
     */
    private static final java.util.regex.Pattern LOOSE_SCHEME =
            java.util.regex.Pattern.compile("^(?i)h(?:tt|xx)ps?(?::/{0,2}|//)");

    private static ChannelLink parse(String raw) {
        String s = LOOSE_SCHEME.matcher(raw).replaceFirst("").replace("[.]", ".").replace("(.)", ".");
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int fragment = s.indexOf('#');
        if (fragment >= 0) {
            s = s.substring(0, fragment);
        }
        int slash = s.indexOf('/');
        String host = (slash >= 0 ? s.substring(0, slash) : s).toLowerCase(Locale.ROOT);
        String path = slash >= 0 ? s.substring(slash + 1) : "";
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        host = stripPrefix(stripPrefix(stripPrefix(host, "www."), "m."), "mobile.");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        host = canonicalHost(host);
        if (!isPlatform(host)) {
            return new ChannelLink(host, host, "");
        }
        String handle = handleOf(host, path);
        if (handle.isEmpty()) {
            return new ChannelLink(host, host, "");
        }
        return new ChannelLink(host + "/" + handle, host, handle);
    }

    private static String handleOf(String host, String path) {
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (host.equals("facebook.com") && path.equals("profile.php")) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("id=")) {
                    return pair.substring(3);
                }
            }
            return "";
        }
        String[] parts = path.split("/");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return "";
        }
        if (parts.length >= 2 && (parts[0].equals("groups") || parts[0].equals("g")
                || parts[0].equals("pages") || parts[0].equals("channel") || parts[0].equals("c"))) {
            String kind = parts[0].equals("pages") || parts[0].equals("c") ? "" : parts[0] + "/";
            String id = parts[0].equals("pages") && parts.length >= 3 ? parts[2] : parts[1];
            return kind + (host.equals("zalo.me") ? id : id.toLowerCase(Locale.ROOT));
        }
        return host.equals("zalo.me") ? parts[0] : parts[0].toLowerCase(Locale.ROOT);
    }

    private static String canonicalHost(String host) {
        switch (host) {
            case "fb.com":
            case "fb.me":
            case "web.facebook.com":
                return "facebook.com";
            case "chat.zalo.me":
            case "oa.zalo.me":
                return "zalo.me";
            case "youtu.be":
                return "youtube.com";
            default:
                return host;
        }
    }

    private static boolean isPlatform(String host) {
        return host.equals("facebook.com") || host.equals("zalo.me") || host.equals("youtube.com")
                || host.equals("tiktok.com") || host.equals("t.me") || host.equals("instagram.com");
    }

    private static String stripPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }
}
