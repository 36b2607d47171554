package vn.binhyen.core.module;

import java.util.Map;

/** What the demo seeding has created so far: the demo users and their passwords (printed at start). */
public record DemoData(Map<String, String> passwords) {}
