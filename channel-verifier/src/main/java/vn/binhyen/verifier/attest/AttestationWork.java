package vn.binhyen.verifier.attest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.cluster.ClusterJobs;
import vn.binhyen.core.outbox.Outbox;

/**
 * The attestations the administration plane asks for, so that no verified channel stays without
 * one: approvals and re-issues after a reorganisation arrive through the outbox (written in the
 * admin's transaction, delivered at least once), and a sweeper repairs whatever is still missing
 * (an approval from before the outbox, an attestation that expired). Every path goes through the
 * idempotent {@link AttestationService#ensureCurrent}.
 */
public final class AttestationWork {

  /** How often the sweeper looks for verified channels without a current attestation. */
  public static final Duration SWEEP_PERIOD = Duration.ofSeconds(60);
  private static final int SWEEP_BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(AttestationWork.class);

  private final AttestationService service;

  public AttestationWork(AttestationService service) {
    this.service = service;
  }

  public void register(Outbox outbox, ClusterJobs jobs) {
    outbox.handle(ChannelEvents.APPROVED, p -> service.ensureCurrent(channelId(p),
        "user:" + p.getValue("approvedBy")).mapEmpty());
    outbox.handle(ChannelEvents.REISSUE, p -> ensureAll(ids(p), "reorganisation"));
    jobs.schedule("attestation-sweeper", SWEEP_PERIOD, this::sweep);
  }

  /** One pass: issues what is missing, and says how many it repaired. */
  public Future<Integer> sweep() {
    return service.verifiedWithoutCurrent(SWEEP_BATCH).compose(ids -> {
      if (!ids.isEmpty()) {
        log.warn("Attestation sweeper: {} verified channel(s) without a current attestation: {}", ids.size(), ids);
      }
      return ensureAll(ids, "system:sweeper").map(ids.size());
    });
  }

  private Future<Void> ensureAll(List<Long> ids, String actor) {
    Future<Void> chain = Future.succeededFuture();
    for (long id : ids) {
      chain = chain.compose(x -> service.ensureCurrent(id, actor)).mapEmpty();
    }
    return chain;
  }

  private static long channelId(JsonObject p) {
    if (!(p.getValue("channelId") instanceof Number n)) {
      throw new IllegalArgumentException("an approval without a channelId: " + p);
    }
    return n.longValue();
  }

  private static List<Long> ids(JsonObject p) {
    List<Long> out = new ArrayList<>();
    for (Object id : p.getJsonArray("channelIds", new JsonArray())) {
      out.add(((Number) id).longValue());
    }
    if (p.getValue("channelId") instanceof Number n) {
      out.add(n.longValue());
    }
    return out;
  }
}
