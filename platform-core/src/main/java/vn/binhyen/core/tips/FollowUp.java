package vn.binhyen.core.tips;

import java.util.List;

/** What a citizen sees through the receipt code: status and the public conversation, no identity. */
public record FollowUp(Tip tip, String unitName, List<TipEvent> events) {}
