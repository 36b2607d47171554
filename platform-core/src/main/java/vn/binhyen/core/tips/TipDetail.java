package vn.binhyen.core.tips;

import java.util.List;

/** A tip as an officer or supervisor sees it: content, history and attachments, no identity. */
public record TipDetail(Tip tip, List<TipEvent> events, List<TipRepository.Attachment> attachments) {}
