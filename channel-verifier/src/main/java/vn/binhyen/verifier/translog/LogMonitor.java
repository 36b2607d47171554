package vn.binhyen.verifier.translog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.error.DomainError;

/**
 * The platform watching its own log, as an outside monitor would: every new signed tree head must
 * carry a valid signature by the log key, match the leaves, and be consistent (RFC 9162 proof)
 * with the previous head it checked; otherwise it logs an alert. Runs on a timer; where it runs
 * (one node of the cluster) is decided by whoever starts it.
 */
public final class LogMonitor {

  private static final Logger log = LoggerFactory.getLogger(LogMonitor.class);

  private final Vertx vertx;
  private final TransparencyLog translog;
  private final String verifierKey;
  private final AtomicLong alerts = new AtomicLong();
  private volatile TransparencyLog.Head lastChecked;
  private volatile java.time.Instant lastRun;
  private long timer = -1;

  public LogMonitor(Vertx vertx, TransparencyLog translog, String verifierKey) {
    this.vertx = vertx;
    this.translog = translog;
    this.verifierKey = verifierKey;
  }

  public void start(long periodMillis) {
    timer = vertx.setPeriodic(periodMillis, periodMillis, id -> checkNow()
        .onFailure(e -> log.warn("Transparency log monitor could not run: {}", e.getMessage())));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Alerts raised since start. */
  public long alerts() {
    return alerts.get();
  }

  public TransparencyLog.Head lastChecked() {
    return lastChecked;
  }

  /** When the last check ran to its end (null before the first); the keys page shows it. */
  public java.time.Instant lastRun() {
    return lastRun;
  }

  /** Checks every head newer than the last one checked; returns how many were checked. */
  public Future<Integer> checkNow() {
    long from = lastChecked == null ? 0 : lastChecked.size();
    return translog.headsAfter(from).compose(heads -> {
      Future<Void> chain = Future.succeededFuture();
      for (TransparencyLog.Head head : heads) {
        chain = chain.compose(x -> check(head));
      }
      return chain.map(x -> {
        lastRun = java.time.Instant.now();
        return heads.size();
      });
    });
  }

  private Future<Void> check(TransparencyLog.Head head) {
    Checkpoint signed;
    try {
      signed = Checkpoint.verify(head.checkpoint(), verifierKey);
    } catch (DomainError.Invalid e) {
      return alert(head, "bad checkpoint signature: " + e.getMessage());
    }
    if (signed.size() != head.size() || !Arrays.equals(signed.rootHash(), head.rootHash())) {
      return alert(head, "the stored size or root differs from the signed checkpoint");
    }
    TransparencyLog.Head previous = lastChecked;
    return translog.rootHash(head.size()).compose(root -> {
      if (!Arrays.equals(root, head.rootHash())) {
        return alert(head, "the signed root does not match the leaves");
      }
      if (previous == null || previous.size() == 0) {
        lastChecked = head;
        return Future.succeededFuture();
      }
      return translog.consistencyProof(previous.size(), head.size()).compose(proof -> {
        if (!Proofs.consistency(previous.size(), head.size(), previous.rootHash(), head.rootHash(), proof)) {
          return alert(head, "not consistent with the head of size " + previous.size());
        }
        lastChecked = head;
        return Future.succeededFuture();
      });
    });
  }

  private Future<Void> alert(TransparencyLog.Head head, String why) {
    alerts.incrementAndGet();
    log.error("TRANSPARENCY LOG ALERT: tree head of size {} fails: {}", head.size(), why);
    return Future.succeededFuture();
  }
}
