package vn.binhyen.core.cluster;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory copies a node keeps of state changed through cluster messages (revocations and
 * sign-outs, the verification registry) register a resync here. It runs whenever the node may have
 * missed messages: a member joined or left, split clusters merged, or the node was frozen longer
 * than the heartbeat timeout ({@link PauseWatch}). Each copy also resyncs on its own timer; this
 * makes the catch-up immediate instead of up to one period later.
 */
public final class ClusterResync {

  private static final Logger log = LoggerFactory.getLogger(ClusterResync.class);

  private record Entry(String name, Supplier<Future<?>> resync) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Adds a resync (e.g. {@code registry::resync}) run on every trigger. */
  public void register(String name, Supplier<Future<?>> resync) {
    entries.add(new Entry(name, resync));
  }

  /** Runs every registered resync now; failures are logged, each one's own timer retries it. */
  public void run(String why) {
    log.debug("Resyncing {} after {}", entries.size(), why);
    for (Entry e : entries) {
      try {
        e.resync().get().onFailure(x -> log.warn("Resync of {} after {} failed: {}", e.name(), why, x.getMessage()));
      } catch (RuntimeException x) {
        log.warn("Resync of {} after {} failed: {}", e.name(), why, x.toString());
      }
    }
  }
}
