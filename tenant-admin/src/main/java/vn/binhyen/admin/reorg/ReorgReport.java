package vn.binhyen.admin.reorg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reorganisation step changed (or, in a dry run, would change): filled in while the step
 * runs inside its transaction, so a dry run reports exactly what applying would do.
 */
public final class ReorgReport {

  private final String action;
  private boolean dryRun;
  private final List<String> closed = new ArrayList<>();
  private final Map<String, List<String>> successors = new LinkedHashMap<>();
  private final List<String> renamed = new ArrayList<>();
  int unitsRepathed;
  int usersMoved;
  int usersRepathed;
  int reviewItems;
  /** What the participants' data that followed counted ({@code tipsMoved}, {@code casesMoved}). */
  final java.util.Map<String, Integer> followed = new java.util.TreeMap<>();
  final List<ReorgSql.MovedChannel> channelsMoved = new ArrayList<>();
  final List<ReorgSql.MovedChannel> channelsRepathed = new ArrayList<>();

  ReorgReport(String action) {
    this.action = action;
  }

  void closed(String code, List<String> successorCodes) {
    closed.add(code);
    successors.put(code, List.copyOf(successorCodes));
  }

  void renamed(String code, String from, String to) {
    renamed.add(code + ": " + from + " → " + to);
  }

  ReorgReport dryRun(boolean dry) {
    this.dryRun = dry;
    return this;
  }

  public boolean isDryRun() { return dryRun; }
  public String action() { return action; }
  public List<String> closed() { return List.copyOf(closed); }
  public Map<String, List<String>> successors() { return Map.copyOf(successors); }
  public int usersMoved() { return usersMoved; }
  public int channelsMoved() { return channelsMoved.size(); }
  public int unitsRepathed() { return unitsRepathed; }
  public int reviewItems() { return reviewItems; }

  /** Channels whose owner or owner's path changed (their attestations name the owner). */
  public List<ReorgSql.MovedChannel> channelsToReissue() {
    List<ReorgSql.MovedChannel> all = new ArrayList<>(channelsMoved);
    channelsRepathed.stream().filter(c -> all.stream().noneMatch(m -> m.id() == c.id())).forEach(all::add);
    return all;
  }

  public JsonObject toJson() {
    JsonObject succ = new JsonObject();
    successors.forEach((k, v) -> succ.put(k, new JsonArray(v)));
    return new JsonObject().put("action", action).put("dryRun", dryRun)
        .put("closed", new JsonArray(closed)).put("successors", succ).put("renamed", new JsonArray(renamed))
        .put("unitsRepathed", unitsRepathed).put("usersMoved", usersMoved).put("usersRepathed", usersRepathed)
        .put("channelsMoved", channelsMoved.size()).put("channelsRepathed", channelsRepathed.size())
        .put("reviewItems", reviewItems)
        .mergeIn(new JsonObject(new LinkedHashMap<String, Object>(followed)));
  }
}
