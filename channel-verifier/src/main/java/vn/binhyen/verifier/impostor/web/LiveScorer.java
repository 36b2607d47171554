package vn.binhyen.verifier.impostor.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.verifier.impostor.ImpostorScorer;
import vn.binhyen.verifier.impostor.InMemoryOfficialDirectory;
import vn.binhyen.verifier.impostor.ScoringThresholds;

/**
 * This node's current {@link ImpostorScorer}. Rebuilt from the database, off the event loop, when
 * channels, units or confirmed impostors change anywhere in the cluster; checks keep using the
 * previous scorer until the new one is ready. Bursts of changes collapse into one rebuild.
 */
public final class LiveScorer {

  /** Published (cluster-wide) when a unit confirms an impostor; body: the case id. */
  public static final String CONFIRMED = "binhyen.impostor.confirmed";

  /** Published on this node only, after a rebuilt scorer is in use; body: the number of channels. */
  public static final String REBUILT = "binhyen.impostor.rebuilt";

  private static final Logger log = LoggerFactory.getLogger(LiveScorer.class);
  private static final long DEBOUNCE_MS = 200;

  private final Vertx vertx;
  private final Db db;
  private final ScoringThresholds thresholds;
  private final DirectoryLoader loader = new DirectoryLoader();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile ImpostorScorer scorer;
  private volatile int channelCount;
  private Future<Void> running = Future.succeededFuture();

  LiveScorer(Vertx vertx, Db db, ScoringThresholds thresholds) {
    this.vertx = vertx;
    this.db = db;
    this.thresholds = thresholds;
    this.scorer = new ImpostorScorer(thresholds, new InMemoryOfficialDirectory(List.of(), List.of(), List.of()));
  }

  /** Listens for changes on the clustered event bus. */
  void listen() {
    for (String address : List.of(ChannelEvents.CHANGED, ChannelEvents.OWNER_CHANGED,
        TenantDirectory.CHANGED_ADDRESS, CONFIRMED)) {
      vertx.eventBus().consumer(address, msg -> schedule());
    }
  }

  public ImpostorScorer current() {
    return scorer;
  }

  /** How many verified channels the current scorer knows. */
  public int channelCount() {
    return channelCount;
  }

  /** Rebuilds now (after any rebuild already running); completes when the new scorer is in use. */
  public synchronized Future<Void> refresh() {
    Future<Void> next = running.transform(ignored -> rebuild());
    running = next;
    return next;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      vertx.setTimer(DEBOUNCE_MS, id -> {
        scheduled.set(false);
        refresh().onFailure(e -> log.warn("Impostor directory refresh failed: {}", e.toString()));
      });
    }
  }

  private Future<Void> rebuild() {
    long t0 = System.nanoTime();
    return loader.load(db.pool())
        .compose(directory -> vertx.executeBlocking(() -> new ImpostorScorer(thresholds, directory), false)
            .map(built -> {
              scorer = built;
              channelCount = directory.officialChannels().size();
              vertx.eventBus().publish(REBUILT, channelCount, new DeliveryOptions().setLocalOnly(true));
              log.info("Impostor directory rebuilt: {} channels, {} units, {} impostors in {} ms",
                  directory.officialChannels().size(), directory.unitNames().size(),
                  directory.confirmedImpostors().size(), (System.nanoTime() - t0) / 1_000_000);
              return (Void) null;
            }));
  }

}
