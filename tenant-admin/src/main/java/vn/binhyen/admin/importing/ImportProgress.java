package vn.binhyen.admin.importing;

/**
 * Where an import has got to, for a console that shows its progress. Steps, in order: {@code read}
 * (rows parsed), {@code checked} (validated and compared with the tree), {@code renamed},
 * {@code created} (units written so far, of those to create; once per level), then {@code done}
 * or {@code failed}. A dry run stops after {@code checked}.
 */
@FunctionalInterface
public interface ImportProgress {

  /** Reports one step: {@code done} of {@code total} (both 0 when the step has no count). */
  void step(String step, int done, int total);

  ImportProgress NONE = (step, done, total) -> { };
}
