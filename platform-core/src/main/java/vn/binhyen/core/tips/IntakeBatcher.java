package vn.binhyen.core.tips;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.async.CallerContext;

/**
 * Group commit for tip intake. A tip is written at once when fewer than {@link #MAX_IN_FLIGHT}
 * writes are under way; otherwise it waits for the next write, which takes every tip waiting
 * (up to {@link #MAX_BATCH}) in one transaction and one INSERT. A quiet node writes each tip
 * alone with no added delay; a busy one pays the transaction, the commit and the roll-up update
 * (V3__rollup_per_statement.sql) once per batch instead of once per tip. A tip is answered only
 * after its batch committed, so an acknowledged tip is a stored tip.
 *
 * <p>If a batch fails, each of its tips is written alone, so one bad tip fails only itself.
 *
 * <p>One write at a time: with 32 clients on 2 cores, one write in flight made batches of about
 * 13 tips and 9,700–11,500 tips/s, two made batches of about 8 and 9,000–9,400/s, three
 * 5,100–7,800/s (docs/benchmarks.md, "Tips"): the trigger and the commit cost per batch, so
 * larger batches win while the database keeps up. Measured again on 3 December 2026 with the
 * batch statement kept prepared: 1, 2 and 4 in flight made batches of 16, 9 and 5 tips and cost
 * PostgreSQL 153–173, 223–283 and 324–391 µs of CPU per tip. A database on its own host, with
 * cores to spare, may want more.
 */
final class IntakeBatcher {

  static final int MAX_BATCH = 256;
  static final int MAX_IN_FLIGHT = 1;

  private record Pending(TipRow row, Promise<Optional<Tip>> done, Context context) {}

  private final Db db;
  private final TipRepository repo;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;
  private final AtomicLong batchesWritten = new AtomicLong();
  private final AtomicLong tipsWritten = new AtomicLong();

  IntakeBatcher(Db db, TipRepository repo) {
    this.db = db;
    this.repo = repo;
  }

  /**
   * Writes the tip; completes with it, or with empty when it conflicted (its platform message
   * was received before, or its receipt is taken).
   */
  Future<Optional<Tip>> write(TipRow row) {
    Promise<Optional<Tip>> done = Promise.promise();
    List<Pending> batch;
    synchronized (this) {
      waiting.add(new Pending(row, done, Vertx.currentContext()));
      batch = nextBatch();
    }
    if (batch != null) {
      write(batch, true);
    }
    return done.future();
  }

  /** Transactions written so far (a failed batch's retries counted again). */
  long batchesWritten() {
    return batchesWritten.get();
  }

  /** Tips in those transactions. */
  long tipsWritten() {
    return tipsWritten.get();
  }

  /** The next batch to write, if a write may start now; the caller holds the lock. */
  private List<Pending> nextBatch() {
    if (waiting.isEmpty() || inFlight >= MAX_IN_FLIGHT) {
      return null;
    }
    inFlight++;
    int n = Math.min(waiting.size(), MAX_BATCH);
    Pending[] batch = new Pending[n];
    for (int i = 0; i < n; i++) {
      batch[i] = waiting.poll();
    }
    return List.of(batch);
  }

  private void write(List<Pending> batch, boolean counted) {
    batchesWritten.incrementAndGet();
    tipsWritten.addAndGet(batch.size());
    List<TipRow> rows = batch.stream().map(Pending::row).toList();
    String scope = commonScope(rows);
    Future<Map<String, Tip>> written = scope == null
        ? Future.failedFuture(new IllegalStateException("tips of different trees in one batch"))
        : db.inScopeAtOnce(scope, tx -> repo.insertAll(tx, rows));
    written.onComplete(result -> {
      if (counted) {
        List<Pending> next;
        synchronized (this) {
          inFlight--;
          next = nextBatch();
        }
        if (next != null) {
          write(next, true);
        }
      }
      if (result.succeeded()) {
        batch.forEach(p -> complete(p, Optional.ofNullable(result.result().get(p.row().receipt())), null));
      } else if (batch.size() > 1) {
        batch.forEach(p -> write(List.of(p), false));
      } else {
        complete(batch.get(0), null, result.cause());
      }
    });
  }

  private static void complete(Pending p, Optional<Tip> tip, Throwable failure) {
    CallerContext.complete(p.context(), p.done(), tip, failure);
  }

  /**
   * The narrowest tenant scope covering every tip of the batch (their units' common ancestor): the
   * transaction may write exactly these units' tips. Null if they share no root.
   */
  static String commonScope(List<TipRow> rows) {
    String[] common = rows.get(0).tenantPath().split("/");
    int length = common.length;
    for (TipRow r : rows) {
      String[] parts = r.tenantPath().split("/");
      int i = 0;
      while (i < length && i < parts.length && parts[i].equals(common[i])) {
        i++;
      }
      length = i;
    }
    return length == 0 ? null : String.join("/", List.of(common).subList(0, length));
  }
}
