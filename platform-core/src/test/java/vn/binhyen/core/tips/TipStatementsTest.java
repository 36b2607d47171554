package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.db.DbUrl;

/**
 * The tips statements stay prepared on every connection: a statement longer than the client's
 * cache limit is parsed and planned again on every execution, which for intake's batch statement
 * cost a fifth of the database's time (docs/benchmarks.md, "Intake over HTTP").
 */
class TipStatementsTest {

  private static final Predicate<String> CACHED =
      DbUrl.parse("postgresql://u:p@localhost:5432/db").connectOptions().getPreparedStatementCacheSqlFilter();

  @Test
  void every_tips_statement_fits_the_prepared_statement_cache() throws Exception {
    List<String> statements = new ArrayList<>();
    for (Class<?> owner : List.of(TipRepository.class, InboxRepository.class, ReplyRepository.class)) {
      for (Field f : owner.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          String sql = (String) f.get(null);
          if (sql != null && sql.length() > 40) {
            statements.add(sql);
            assertTrue(CACHED.test(sql), owner.getSimpleName() + "." + f.getName() + " (" + sql.length()
                + " characters) would be prepared again on every execution");
          }
        }
      }
    }
    // The intake statement is the one that outgrew the client's default limit of 2,048.
    assertTrue(statements.stream().anyMatch(s -> s.length() > 2_048 && s.contains("INSERT INTO tip_receipt")),
        "the intake statement is among those checked");
  }

  @Test
  void the_cache_still_has_a_limit() {
    assertFalse(CACHED.test("x".repeat(DbUrl.PREPARED_SQL_LIMIT + 1)));
  }
}
